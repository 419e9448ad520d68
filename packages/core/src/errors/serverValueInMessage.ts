// Apart from serverMessageToShow.ts (which the start bundle holds, for describeError): only the
// checks of server answers and the ceremony's errors use these, all loaded later.
import { cleanServerText } from './serverMessageToShow.ts';

/** Describes a JSON value by its type, for an error message: `a number`, `null`, `an array`, `missing`, … */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value === undefined) return 'missing';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}

/**
 * A value from a server answer as it may go into `error.message` (or any text a person sees): a
 * number or boolean as written, a string quoted after the cleaning and cut of
 * `serverMessageToShow`, anything else by its type (`an object`). The one way credkit puts a
 * server's value in a message.
 */
export function serverValueInMessage(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return `"${cleanServerText(value) ?? ''}"`;
  return describeValue(value);
}
