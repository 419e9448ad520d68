import { CredkitError } from '../errors/credkitError.ts';

/** Checks the credential name before anything is sent; returns it trimmed. */
export function checkCredentialName(credentialName: unknown): string {
  if (typeof credentialName !== 'string' || credentialName.trim() === '') {
    throw new CredkitError('invalid-input', { message: 'Give the credential a name.' });
  }
  return credentialName.trim();
}
