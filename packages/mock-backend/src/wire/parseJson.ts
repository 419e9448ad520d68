import { badRequest } from '../errors.ts';

/**
 * How deep the mock lets client JSON nest: objects and arrays inside one another, the outermost
 * counting 1. Every parse of client JSON (request bodies, clientData, a recovery's signed
 * `newCredentials`) checks it before anything walks the value, so no recursion over client JSON
 * (canonical JSON, `JSON.stringify`) can run out of stack. Dfns bodies nest under 10 levels.
 */
export const MAX_JSON_DEPTH = 64;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Whether JSON text nests deeper than {@link MAX_JSON_DEPTH}: one pass over it, brackets in strings skipped, no recursion. */
export function nestsTooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === BACKSLASH) index++;
      else if (char === QUOTE) inString = false;
    } else if (char === QUOTE) {
      inString = true;
    } else if (char === OPEN_OBJECT || char === OPEN_ARRAY) {
      if (++depth > MAX_JSON_DEPTH) return true;
    } else if (char === CLOSE_OBJECT || char === CLOSE_ARRAY) {
      depth--;
    }
  }
  return false;
}

/** The 400 for JSON nested too deep, naming what and the limit. */
export function nestedTooDeep(what: string) {
  return badRequest(`${what} is JSON nested too deep: at most ${MAX_JSON_DEPTH} levels of objects and arrays`);
}

/**
 * `JSON.parse` of client JSON, refused with a 400 ({@link nestedTooDeep}) past {@link MAX_JSON_DEPTH}
 * levels before it is parsed. Invalid JSON still throws `JSON.parse`'s SyntaxError, for the caller to word.
 */
export function parseClientJson(text: string, what: string): unknown {
  if (nestsTooDeep(text)) throw nestedTooDeep(what);
  return JSON.parse(text);
}
