import { describe, expect, it } from 'vitest';
import type { CredkitError } from '../errors/credkitError.ts';
import { validateUserActionChallenge } from './validateUserActionChallenge.ts';

const challenge = {
  challenge: 'sign me',
  challengeIdentifier: 'ch-1',
  allowCredentials: { webauthn: [{ type: 'public-key', id: 'AQID' }] },
};

function problem(value: unknown): Pick<CredkitError, 'code' | 'message'> {
  try {
    validateUserActionChallenge(value);
  } catch (error) {
    const { code, message } = error as CredkitError;
    return { code, message };
  }
  throw new Error('expected validateUserActionChallenge to throw');
}

describe('validateUserActionChallenge', () => {
  it('should default userVerification to "required" (missing or null) and the credential lists to []', () => {
    for (const userVerification of [undefined, null]) {
      const validated = validateUserActionChallenge({ ...challenge, userVerification });
      expect(validated.userVerification).toBe('required');
      expect(validated.allowCredentials).toEqual({
        webauthn: [{ type: 'public-key', id: 'AQID' }],
        key: [],
        passwordProtectedKey: [],
      });
    }
  });

  it('should keep encryptedPrivateKey and unknown top-level fields', () => {
    const validated = validateUserActionChallenge({
      ...challenge,
      externalAuthenticationUrl: 'x',
      allowCredentials: { webauthn: [], key: [], passwordProtectedKey: [{ id: 'k', encryptedPrivateKey: 'e' }] },
    });
    expect(validated.externalAuthenticationUrl).toBe('x');
    expect(validated.allowCredentials.passwordProtectedKey).toEqual([
      { type: 'public-key', id: 'k', encryptedPrivateKey: 'e' },
    ]);
  });

  it('should name the offending field in a server error', () => {
    expect(problem(null)).toEqual({
      code: 'server',
      message: 'The server sent an invalid user-action challenge: response must be an object, got null.',
    });
    expect(problem({ ...challenge, userVerification: 'always' }).message).toContain(
      'userVerification must be one of "required", "preferred", "discouraged", got a string',
    );
    expect(problem({ ...challenge, allowCredentials: { key: [{ id: '' }] } }).message).toContain(
      'allowCredentials.key[0].id must not be empty',
    );
    expect(problem({ ...challenge, challenge: 1 }).message).toContain('challenge must be a string, got a number');
  });
});
