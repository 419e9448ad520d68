import { normalizeName } from '@credkit/names';
import { CredkitError } from '../errors/credkitError.ts';

/**
 * Checks the credential name before anything is sent, by the rule the mock backend applies too
 * (`@credkit/names`): returns it NFC-normalised and trimmed, or throws `invalid-input` saying why.
 */
export function checkCredentialName(credentialName: unknown): string {
  const checked = typeof credentialName === 'string' ? normalizeName(credentialName, 'credentialName') : undefined;
  if (checked?.ok) return checked.name;
  if (checked === undefined || checked.problem === 'must not be blank') {
    throw new CredkitError('invalid-input', { message: 'Give the credential a name.', field: 'credentialName' });
  }
  throw new CredkitError('invalid-input', {
    message: `The credential name ${checked.problem}.`,
    field: 'credentialName',
  });
}

/**
 * A passkey's name, checked as {@link checkCredentialName} does, or `undefined` when it is absent or
 * blank (spaces only): the passkey is then named after its provider (`defaultPasskeyName`).
 */
export function checkPasskeyName(credentialName: string | undefined): string | undefined {
  const blank = credentialName === undefined || (typeof credentialName === 'string' && credentialName.trim() === '');
  return blank ? undefined : checkCredentialName(credentialName);
}
