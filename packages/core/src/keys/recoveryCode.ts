import { CredkitError } from '../errors/credkitError.ts';

// Crockford's base32 alphabet: no I, L, O or U, so nothing reads as another character.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 6;
const GROUP_LENGTH = 5;

/** Bits of entropy in a recovery code: 30 characters of 5 bits. */
export const RECOVERY_CODE_BITS = GROUPS * GROUP_LENGTH * 5;

/**
 * A new recovery code, Dfns style: `D1-` and six groups of five characters from an unambiguous
 * alphabet, 150 bits from the CSPRNG (e.g. `D1-7H2QK-M9XTE-0RB4W-…`).
 */
export function generateRecoveryCode(): string {
  // 256 is a multiple of 32: taking the low 5 bits of a random byte is unbiased.
  const bytes = crypto.getRandomValues(new Uint8Array(GROUPS * GROUP_LENGTH));
  const characters = Array.from(bytes, (byte) => ALPHABET[byte & 31]).join('');
  const groups = characters.match(new RegExp(`.{${GROUP_LENGTH}}`, 'g')) ?? [];
  return `D1-${groups.join('-')}`;
}

/**
 * A recovery code as typed by a person → its canonical form: upper case, no spaces, the dashes
 * where they belong; `O` read as 0, `I`/`L` as 1. Throws `invalid-input` when it cannot be a code.
 */
export function normalizeRecoveryCode(input: string): string {
  let compact = input.toUpperCase().replace(/[\s-]/g, '');
  // The prefix is optional when typing; a body may itself start with "D1", so judge by length.
  if (compact.length === GROUPS * GROUP_LENGTH + 2 && compact.startsWith('D1')) compact = compact.slice(2);
  compact = compact.replace(/O/g, '0').replace(/[IL]/g, '1');
  if (compact.length !== GROUPS * GROUP_LENGTH || [...compact].some((char) => !ALPHABET.includes(char))) {
    throw new CredkitError('invalid-input', {
      message: 'That is not a recovery code (D1- and six groups of five).',
      field: 'recoveryCode',
    });
  }
  return `D1-${(compact.match(new RegExp(`.{${GROUP_LENGTH}}`, 'g')) ?? []).join('-')}`;
}
