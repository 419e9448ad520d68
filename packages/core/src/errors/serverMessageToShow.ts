import type { CredkitError } from './credkitError.ts';

/** The longest server message shown to people, in code points; longer ones are cut, ending in "…". */
const MAX_SHOWN_LENGTH = 200;

// Controls (C0, DEL, C1), format characters (the bidi overrides and isolates U+202A–U+202E and
// U+2066–U+2069, LRM/RLM, zero-width characters) and lone surrogates: none belongs in a sentence
// shown to a person, and a bidi override makes text read differently from what it says.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}]/gu;

/**
 * The server's message of `error` as it may be shown to people: line breaks and other whitespace
 * collapsed to single spaces, control, bidi and other invisible characters removed, at most 200
 * characters. `undefined` when the server sent none. The full text stays on `error.serverMessage`
 * for the host's logs. `describeError` shows it as "The server said: “…”"; a host's own text for a
 * code can use it the same way.
 */
export function serverMessageToShow(error: CredkitError): string | undefined {
  return error.serverMessage === undefined ? undefined : cleanServerText(error.serverMessage);
}

/** Server text made fit to show: see {@link serverMessageToShow}. `undefined` when nothing visible is left. */
export function cleanServerText(raw: string): string | undefined {
  const text = raw.replace(/\s/gu, ' ').replace(INVISIBLE, '').replace(/ {2,}/g, ' ').trim();
  const characters = Array.from(text);
  if (characters.length === 0) return undefined;
  if (characters.length <= MAX_SHOWN_LENGTH) return text;
  return `${characters
    .slice(0, MAX_SHOWN_LENGTH - 1)
    .join('')
    .trimEnd()}…`;
}
