import { CredkitError, isCredkitError } from '../errors/credkitError.ts';
import { type UserActionSigner, type UserActionSignerWithProtocol, withUserActionProtocol } from './userAction.ts';

/**
 * A user-action signer that signs with the first of `signers` holding a credential the challenge
 * allows: each that ends `no-signing-credential` (credkit's signers say so before any prompt) hands
 * the challenge to the next; any other failure ends the signing. E.g. the password-protected key the
 * person signed in with, else one of their passkeys:
 * `createFallbackUserActionSigner([passwordKeySigner, createWebAuthnUserActionSigner()])`.
 */
export function createFallbackUserActionSigner(signers: readonly UserActionSigner[]): UserActionSignerWithProtocol {
  if (signers.length === 0) {
    throw new CredkitError('invalid-input', { message: 'createFallbackUserActionSigner needs at least one signer.' });
  }
  return withUserActionProtocol({
    async sign(challenge, signal) {
      let refusal: unknown;
      for (const signer of signers) {
        try {
          return await signer.sign(challenge, signal);
        } catch (error) {
          if (!(isCredkitError(error) && error.code === 'no-signing-credential')) throw error;
          refusal = error;
        }
      }
      throw refusal;
    },
  });
}
