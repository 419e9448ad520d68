import { normalizeName } from '@credkit/names';
import { CredkitError } from '../errors/credkitError.ts';

/**
 * Checks a username before anything is sent (at sign-up, sign-in and recovery), by the rule the mock
 * backend applies too (`@credkit/names`): returns it NFC-normalised and trimmed, or throws
 * `invalid-input` saying why.
 */
export function checkUsername(username: unknown): string {
  const checked = typeof username === 'string' ? normalizeName(username, 'username') : undefined;
  if (checked?.ok) return checked.name;
  if (checked === undefined || checked.problem === 'must not be blank') {
    throw new CredkitError('invalid-input', { message: 'Give a username.', field: 'username' });
  }
  throw new CredkitError('invalid-input', { message: `The username ${checked.problem}.`, field: 'username' });
}
