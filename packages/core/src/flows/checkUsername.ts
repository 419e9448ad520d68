import { normalizeName } from '@credkit/names';
import { CredkitError } from '../errors/credkitError.ts';

/**
 * Checks a username before anything is sent (at sign-up, sign-in and recovery), by the rule the mock
 * backend applies too (`@credkit/names`): returns it NFC-normalised, widths folded (`ａlice` is
 * `alice`) and trimmed, or throws `invalid-input` saying why (such as a zero-width space inside).
 */
export function checkUsername(username: unknown): string {
  const checked = typeof username === 'string' ? normalizeName(username, 'username') : undefined;
  if (checked?.ok) return checked.name;
  if (checked === undefined || checked.problem === 'must not be blank') {
    throw new CredkitError('invalid-input', { message: 'Give a username.', field: 'username' });
  }
  throw new CredkitError('invalid-input', { message: `The username ${checked.problem}.`, field: 'username' });
}
