import { describe, expect, it } from 'vitest';
import { CredkitError } from '../errors/credkitError.ts';
import { fido2ChallengeFixture } from '../testFixtures.ts';
import { validateFido2Challenge } from './challenge.ts';

function invalidChallengeMessage(value: unknown): string {
  try {
    validateFido2Challenge(value);
  } catch (error) {
    expect(error).toBeInstanceOf(CredkitError);
    expect((error as CredkitError).code).toBe('invalid-challenge');
    expect((error as CredkitError).phase).toBe('challenge');
    return (error as CredkitError).message;
  }
  throw new Error('expected validateFido2Challenge to throw');
}

function without(path: string[]): unknown {
  const value = structuredClone(fido2ChallengeFixture()) as unknown as Record<string, unknown>;
  let target = value;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  delete target[path.at(-1) as string];
  return value;
}

describe('validateFido2Challenge', () => {
  it('should accept the contract shape and keep its values', () => {
    const challenge = fido2ChallengeFixture();
    expect(validateFido2Challenge(structuredClone(challenge))).toEqual(challenge);
  });

  it('should keep unknown fields for forward compatibility', () => {
    const value = { ...fido2ChallengeFixture(), supportedCredentialKinds: { firstFactor: ['Fido2'] } };
    expect(validateFido2Challenge(value)).toHaveProperty('supportedCredentialKinds');
  });

  it("should keep an excluded credential's transports (the browser uses them to pick an authenticator)", () => {
    const excluded = { type: 'public-key', id: 'c1QEdgnPLJargwzy3cbYKny4Q18u0hr97unXsF3DiE8', transports: ['usb'] };
    const value = { ...fido2ChallengeFixture(), excludeCredentials: [excluded] };
    expect(validateFido2Challenge(value).excludeCredentials).toEqual([excluded]);
  });

  it('should accept a challenge without the deprecated rp and temporaryAuthenticationToken', () => {
    expect(validateFido2Challenge(without(['rp'])).rp).toBeUndefined();
    expect(validateFido2Challenge(without(['temporaryAuthenticationToken'])).challengeIdentifier).toBe(
      fido2ChallengeFixture().challengeIdentifier,
    );
  });

  it.each([
    [['challenge'], 'challenge must be a string, got missing'],
    [['challengeIdentifier'], 'challengeIdentifier must be a string, got missing'],
    [['user'], 'user must be an object, got missing'],
    [['user', 'id'], 'user.id must be a string, got missing'],
    [['user', 'displayName'], 'user.displayName must be a string'],
    [['authenticatorSelection'], 'authenticatorSelection must be an object'],
    [['authenticatorSelection', 'userVerification'], 'authenticatorSelection.userVerification must be one of'],
    [['pubKeyCredParams'], 'pubKeyCredParams must be an array, got missing'],
    [['excludeCredentials'], 'excludeCredentials must be an array, got missing'],
    [['attestation'], 'attestation must be one of'],
  ])('should name the missing field %j', (path, expected) => {
    expect(invalidChallengeMessage(without(path))).toContain(expected);
  });

  it('should name mistyped fields and what it got', () => {
    expect(invalidChallengeMessage({ ...fido2ChallengeFixture(), challenge: 42 })).toContain(
      'challenge must be a string, got a number',
    );
    expect(invalidChallengeMessage({ ...fido2ChallengeFixture(), challengeIdentifier: '' })).toContain(
      'challengeIdentifier must not be empty',
    );
    expect(
      invalidChallengeMessage({ ...fido2ChallengeFixture(), pubKeyCredParams: [{ type: 'public-key', alg: '-7' }] }),
    ).toContain('pubKeyCredParams[0].alg must be a number, got a string');
    expect(
      invalidChallengeMessage({ ...fido2ChallengeFixture(), excludeCredentials: [{ type: 'public-key', id: 'a+b/' }] }),
    ).toContain('excludeCredentials[0].id must be base64url');
    // A length no base64url string has (1 mod 4): refused here, not thrown raw by the decoder later.
    expect(
      invalidChallengeMessage({
        ...fido2ChallengeFixture(),
        excludeCredentials: [{ type: 'public-key', id: 'AAAAA' }],
      }),
    ).toContain('excludeCredentials[0].id must be base64url');
    expect(invalidChallengeMessage({ ...fido2ChallengeFixture(), kind: 'Key' })).toContain(
      'kind must be one of "Fido2"',
    );
  });

  it('should refuse a body that is not an object', () => {
    expect(invalidChallengeMessage(null)).toContain('challenge response must be an object, got null');
    expect(invalidChallengeMessage([])).toContain('got an array');
    expect(invalidChallengeMessage('<html>')).toContain('got a string');
    expect(invalidChallengeMessage(undefined)).toContain('got missing');
  });
});
