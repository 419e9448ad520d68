import { describe, expect, it, vi } from 'vitest';
import { CredkitError } from '../errors/credkitError.ts';
import { credkitRejection } from '../testFixtures.ts';
import { createFallbackUserActionSigner } from './fallbackUserActionSigner.ts';
import type { UserActionAssertion, UserActionChallenge, UserActionSigner } from './userAction.ts';

const challenge: UserActionChallenge = {
  challenge: 'c',
  challengeIdentifier: 'ci',
  userVerification: 'required',
  allowCredentials: { webauthn: [], key: [] },
};
const assertion: UserActionAssertion = {
  kind: 'Key',
  credentialAssertion: { credId: 'k', clientData: 'cd', signature: 'sig' },
};
const refusing = (code: CredkitError['code']): UserActionSigner => ({
  sign: vi.fn(() => Promise.reject(new CredkitError(code, { phase: 'signing' }))),
});
const signing = (): UserActionSigner => ({ sign: vi.fn(async () => assertion) });

describe('createFallbackUserActionSigner', () => {
  it('should pass the challenge and signal on past each signer without a credential', async () => {
    const [first, second, third] = [refusing('no-signing-credential'), signing(), signing()];
    const signal = new AbortController().signal;
    await expect(createFallbackUserActionSigner([first, second, third]).sign(challenge, signal)).resolves.toBe(
      assertion,
    );
    expect(first.sign).toHaveBeenCalledWith(challenge, signal);
    expect(second.sign).toHaveBeenCalledWith(challenge, signal);
    expect(third.sign).not.toHaveBeenCalled();
  });

  it('should stop at any other failure (a closed prompt is the person’s answer)', async () => {
    const [first, second] = [refusing('cancelled'), signing()];
    const error = await credkitRejection(createFallbackUserActionSigner([first, second]).sign(challenge));
    expect(error.code).toBe('cancelled');
    expect(second.sign).not.toHaveBeenCalled();
  });

  it('should end no-signing-credential, the last refusal, when no signer has a credential', async () => {
    const last = new CredkitError('no-signing-credential', { message: 'the last one' });
    const signer = createFallbackUserActionSigner([
      refusing('no-signing-credential'),
      { sign: () => Promise.reject(last) },
    ]);
    await expect(signer.sign(challenge)).rejects.toBe(last);
  });

  it('should refuse an empty list as invalid-input', () => {
    expect(() => createFallbackUserActionSigner([])).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });
});
