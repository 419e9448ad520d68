import { describe, expect, it, vi } from 'vitest';
import { CredkitError } from '../errors/credkitError.ts';
import { credkitRejection } from '../testFixtures.ts';
import {
  createPasswordProtectedKeyUserActionSigner,
  type PasswordRequest,
} from './passwordProtectedKeyUserActionSigner.ts';
import type { UserActionChallenge } from './userAction.ts';

// The key is never opened in these tests: each ends before (or while) the password is asked.
const challenge = (passwordProtectedKey?: UserActionChallenge['allowCredentials']['passwordProtectedKey']) =>
  ({
    challenge: 'c',
    challengeIdentifier: 'ci',
    userVerification: 'required',
    allowCredentials: { webauthn: [], key: [], ...(passwordProtectedKey && { passwordProtectedKey }) },
  }) satisfies UserActionChallenge;
const withKey = challenge([{ type: 'public-key', id: 'ppk-1', encryptedPrivateKey: 'blob' }]);

describe('createPasswordProtectedKeyUserActionSigner', () => {
  describe('no-signing-credential', () => {
    it.each([
      ['no passwordProtectedKey list', challenge()],
      ['an empty list', challenge([])],
      ['keys without their encryptedPrivateKey', challenge([{ type: 'public-key', id: 'ppk-1' }])],
    ])('should refuse %s without asking the password', async (_case, given) => {
      const password = vi.fn(async () => 'secret');
      const error = await credkitRejection(createPasswordProtectedKeyUserActionSigner({ password }).sign(given));
      expect([error.code, error.phase]).toEqual(['no-signing-credential', 'signing']);
      expect(password).not.toHaveBeenCalled();
    });
  });

  describe('the password prompt', () => {
    it('should end cancelled when the prompt rejects, the rejection as cause', async () => {
      const closed = new Error('closed');
      const signer = createPasswordProtectedKeyUserActionSigner({ password: () => Promise.reject(closed) });
      const error = await credkitRejection(signer.sign(withKey));
      expect([error.code, error.phase, error.cause]).toEqual(['cancelled', 'signing', closed]);
    });

    it('should keep a CredkitError the prompt rejects with', async () => {
      const own = new CredkitError('timed-out');
      const signer = createPasswordProtectedKeyUserActionSigner({ password: () => Promise.reject(own) });
      const error = await credkitRejection(signer.sign(withKey));
      expect(error).toBe(own);
      expect(error.phase).toBe('signing');
    });

    it('should end aborted as the signal aborts, even when the prompt ignores it', async () => {
      const controller = new AbortController();
      const asked = vi.fn((_request: { signal: AbortSignal }) => new Promise<string>(() => {}));
      const signing = createPasswordProtectedKeyUserActionSigner({ password: asked }).sign(withKey, controller.signal);
      await vi.waitFor(() => expect(asked).toHaveBeenCalledTimes(1));
      const promptSignal = asked.mock.calls[0]?.[0].signal;
      controller.abort();
      const error = await credkitRejection(signing);
      expect([error.code, error.phase]).toEqual(['aborted', 'signing']);
      expect(promptSignal?.aborted).toBe(true);
    });

    it('should take the code of an abort whose reason is a CredkitError (a Cancel button)', async () => {
      const controller = new AbortController();
      controller.abort(new CredkitError('cancelled'));
      const password = vi.fn(async () => 'secret');
      const error = await credkitRejection(
        createPasswordProtectedKeyUserActionSigner({ password }).sign(withKey, controller.signal),
      );
      expect([error.code, error.phase]).toEqual(['cancelled', 'signing']);
      expect(password).not.toHaveBeenCalled();
    });

    it('should ask again after an empty password, then refuse it as invalid-input on the field password', async () => {
      const password = vi.fn(async (_request: PasswordRequest) => '');
      const signer = createPasswordProtectedKeyUserActionSigner({ password, attempts: 2 });
      const error = await credkitRejection(signer.sign(withKey));
      expect([error.code, error.field, error.phase]).toEqual(['invalid-input', 'password', 'signing']);
      expect(password.mock.calls.map(([request]) => request.error?.code)).toEqual([undefined, 'invalid-input']);
    });
  });
});
