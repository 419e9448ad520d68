/** The names people type that credkit checks: a credential's name and a user's username. */
export type NameKind = 'credentialName' | 'username';

/**
 * The longest name of each kind, in Unicode code points after NFC: a credential name as Dfns caps it
 * (256); a username as an e-mail address is capped (254, RFC 5321's path limit less the brackets).
 */
export const MAX_NAME_LENGTH: Readonly<Record<NameKind, number>> = { credentialName: 256, username: 254 };

/** What {@link normalizeName} makes of a text: the name to send or store, or why it is refused. */
export type NormalizedName = { ok: true; name: string } | { ok: false; problem: string };

// Checked on code points (the `u` flag), so a well-formed surrogate pair is one character, not two.
const LONE_SURROGATE = /\p{Surrogate}/u;
// C0 and C1 controls and DEL: NUL, BEL, ESC, tab, line breaks.
const CONTROL = /\p{Cc}/u;
// Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder what follows them
// ("Bank\u202Eyek-ssap" shows as "Bankpass-key"); the marks (U+200E, U+200F, U+061C) are invisible
// and no label needs them, since the UI isolates each name.
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
// What takes no room on screen: spaces and default-ignorable code points (zero-width space and
// joiners, word joiner, BOM, soft hyphen, variation selectors, Hangul fillers, tags).
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}]/gu;
// In a username, what makes a look-alike of another: default-ignorable code points (the above less
// the spaces) and format characters (general category Cf, e.g. U+0600 or U+FFF9–U+FFFB).
const IGNORABLES = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;
// The code points with a <wide> or <narrow> decomposition: the ideographic space and the Halfwidth
// and Fullwidth Forms block.
const WIDE_OR_NARROW = /[\u3000\uFF01-\uFFEE]/gu;
// Spaces other than U+0020: no-break, en, em, thin, narrow no-break, medium mathematical, Ogham.
const OTHER_SPACES = /(?! )\p{Zs}/gu;

/**
 * RFC 8265's width mapping, RFC 8266's mapping of every other space to U+0020 ("ada\u00A0lovelace" is
 * "ada lovelace"), then NFC: each fullwidth or halfwidth character becomes what NFKC makes of
 * it ("ａ" → "a", "ｶ" → "カ", U+3000 → " "), which is its <wide>/<narrow> decomposition for all but
 * the halfwidth Hangul letters (to conjoining jamo, one step past the compatibility letters) and
 * U+FFE3 (to a space and a combining macron, one step past U+00AF): kept so, for its few bytes.
 */
function foldWidths(text: string): string {
  return text
    .replace(WIDE_OR_NARROW, (char) => char.normalize('NFKC'))
    .replace(OTHER_SPACES, ' ')
    .normalize('NFC');
}

/**
 * The one rule for a name a person typed, shared by the kit (before anything is sent) and the mock
 * backend (on what it receives): Unicode NFC, trimmed; refused when blank, longer than
 * {@link MAX_NAME_LENGTH} code points, or holding lone surrogates, control characters, bidi controls,
 * or nothing visible. `problem` is a phrase that follows the field's name ("… must not be blank").
 *
 * A username, which says who someone is, is held to more, so that no look-alike of one can be another
 * user: fullwidth and halfwidth characters are folded to their usual width (RFC 8265's width mapping:
 * "ａlice" is "alice"), every space to U+0020 (a no-break space is a space), and invisible and format characters inside it are refused (zero-width space,
 * soft hyphen, word joiner, zero-width joiners, variation selectors: any default-ignorable code point
 * or general category Cf). A credential name is only a label the person reads: it keeps its widths and
 * may hold joiners and variation selectors, which emoji such as "👩‍💻" and "❤️" need.
 */
export function normalizeName(text: string, kind: NameKind): NormalizedName {
  if (LONE_SURROGATE.test(text)) return { ok: false, problem: 'must not contain unpaired UTF-16 surrogates' };
  const nfc = text.normalize('NFC');
  const name = (kind === 'username' ? foldWidths(nfc) : nfc).trim();
  if (name === '') return { ok: false, problem: 'must not be blank' };
  if (CONTROL.test(name)) {
    return { ok: false, problem: 'must not contain control characters (such as line breaks, tabs or NUL)' };
  }
  if (BIDI_CONTROL.test(name)) {
    return {
      ok: false,
      problem:
        'must not contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C)',
    };
  }
  if (name.replace(INVISIBLE, '') === '') return { ok: false, problem: 'must contain a visible character' };
  const ignorable = kind === 'username' && name.match(IGNORABLES);
  if (ignorable) {
    const code = (ignorable[0] as string).codePointAt(0) as number;
    return {
      ok: false,
      problem: `must not contain invisible or format characters (U+${code.toString(16).toUpperCase().padStart(4, '0')})`,
    };
  }
  const length = [...name].length;
  const max = MAX_NAME_LENGTH[kind];
  if (length > max) return { ok: false, problem: `is too long (${length} characters, at most ${max})` };
  return { ok: true, name };
}

/**
 * How usernames compare: NFC, widths folded, invisible and format characters dropped, trimmed,
 * lower-cased, so `DEMO@credkit.dev`, `ｄemo@credkit.dev` and `de\u200Bmo@credkit.dev` are one user
 * ({@link normalizeName} refuses the last at sign-up; here it finds the same user rather than none).
 * Only for comparing: the username is kept as the person typed it, widths folded.
 */
export function usernameKey(username: string): string {
  return foldWidths(username.normalize('NFC')).replace(IGNORABLES, '').trim().toLowerCase();
}
