import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { nestedTooDeep, nestsTooDeep } from './parseJson.ts';

/**
 * The `origin` string of a base64url clientDataJSON, or undefined when it has none or does not decode;
 * `field` names it in the 400 for JSON nested too deep (`parseClientJson`).
 */
export function clientDataOrigin(clientData: string, field: string): string | undefined {
  const text = isoBase64URL.toUTF8String(clientData);
  if (nestsTooDeep(text)) throw nestedTooDeep(field);
  try {
    const origin = (JSON.parse(text) as { origin?: unknown } | null)?.origin;
    return typeof origin === 'string' ? origin : undefined;
  } catch {
    return undefined;
  }
}
