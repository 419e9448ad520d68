import { KeyObject, verify } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { fromBase64url } from '../encoding/base64url.ts';
import { CredkitError } from '../errors/credkitError.ts';
import { credkitRejection, softwareCredentials } from '../testFixtures.ts';
import { createKeyUserActionSigner } from './keyUserActionSigner.ts';
import { signUserActionChallenge } from './signUserActionChallenge.ts';
import type { UserActionAssertion, UserActionSigner } from './userAction.ts';
import { createPasskeyUserActionSigner, createWebAuthnUserActionSigner } from './webAuthnUserActionSigner.ts';

const ORIGIN = 'http://localhost:5173';

/** A user-action challenge as `DfnsDelegatedApiClient`'s `…Init` hands it to a backend. */
const challenge = {
  challenge: 'eyJ1c2VyQWN0aW9uIjoiMSJ9',
  challengeIdentifier: 'ci-user-action',
  allowCredentials: { key: [{ type: 'public-key', id: 'key-1' }], webauthn: [] },
  externalAuthenticationUrl: '',
  supportedCredentialKinds: [{ kind: 'Key', factor: 'first', requiresSecondFactor: false }],
};

const assertion: UserActionAssertion = {
  kind: 'Key',
  credentialAssertion: { credId: 'key-1', clientData: 'cd', signature: 'sig' },
};

describe('signUserActionChallenge', () => {
  it('should give exactly { challengeIdentifier, firstFactor }, the signer seeing the validated challenge', async () => {
    const sign = vi.fn<UserActionSigner['sign']>(async () => assertion);
    const signed = await signUserActionChallenge(challenge, { signer: { sign } });
    expect(signed).toStrictEqual({ challengeIdentifier: 'ci-user-action', firstFactor: assertion });
    // Validated as the kit's own: userVerification defaults to "required", every list is there.
    expect(sign.mock.calls[0]?.[0]).toMatchObject({
      userVerification: 'required',
      allowCredentials: { key: [{ id: 'key-1' }], webauthn: [], passwordProtectedKey: [] },
    });
  });

  it('should sign with a Key: ECDSA P-256 over the key.get clientData of the challenge', {
    timeout: 10_000,
  }, async () => {
    const { privateKey, publicKey } = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
      'verify',
    ]);
    const signer = createKeyUserActionSigner({ credId: 'key-1', privateKey, origin: ORIGIN });
    const { firstFactor } = await signUserActionChallenge(challenge, { signer });
    if (firstFactor.kind !== 'Key') throw new Error('expected a Key assertion');
    const { credId, clientData, signature } = firstFactor.credentialAssertion;
    expect(credId).toBe('key-1');
    const data = JSON.parse(new TextDecoder().decode(fromBase64url(clientData))) as Record<string, string>;
    expect(data).toMatchObject({ type: 'key.get', origin: ORIGIN });
    expect(new TextDecoder().decode(fromBase64url(data.challenge ?? ''))).toBe(challenge.challenge);
    // The DER signature verifies, by Node's own ECDSA (not the kit's encoding).
    const verifies = verify('sha256', fromBase64url(clientData), KeyObject.from(publicKey), fromBase64url(signature));
    expect(verifies).toBe(true);
  });

  it("should send a passkey's assertion without where the passkey was (authenticatorAttachment is not Dfns's)", async () => {
    const credentialAssertion = { credId: 'AQID', clientData: 'BA', authenticatorData: 'BQ', signature: 'Bg' };
    const signer = createPasskeyUserActionSigner({
      get: async () => ({ ...credentialAssertion, authenticatorAttachment: 'cross-platform' }),
    });
    const passkeyChallenge = {
      ...challenge,
      allowCredentials: { key: [], webauthn: [{ type: 'public-key', id: 'AQID' }] },
    };
    const { firstFactor } = await signUserActionChallenge(passkeyChallenge, { signer });
    expect(firstFactor).toStrictEqual({ kind: 'Fido2', credentialAssertion });
  });

  it('should be no-signing-credential, phase signing, when the signer has nothing the challenge allows', async () => {
    const passkeys = await credkitRejection(
      signUserActionChallenge(challenge, {
        signer: createWebAuthnUserActionSigner({ credentials: softwareCredentials() }),
      }),
    );
    expect([passkeys.code, passkeys.phase]).toEqual(['no-signing-credential', 'signing']);
    const { privateKey } = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
    const otherKey = await credkitRejection(
      signUserActionChallenge(challenge, { signer: createKeyUserActionSigner({ credId: 'key-2', privateKey }) }),
    );
    expect([otherKey.code, otherKey.phase]).toEqual(['no-signing-credential', 'signing']);
  });

  it('should refuse an unusable challenge, naming the field, before the signer is asked', async () => {
    const sign = vi.fn<UserActionSigner['sign']>(async () => assertion);
    // A host that hands over its wrapper instead of the challenge.
    const error = await credkitRejection(signUserActionChallenge({ challenge }, { signer: { sign } }));
    expect([error.code, error.phase]).toEqual(['server', 'signing']);
    expect(error.message).toContain('challenge must be a string, got an object');
    expect(sign).not.toHaveBeenCalled();
  });

  it("should end with the abort's error, phase signing, and pass the signal to the signer", async () => {
    const controller = new AbortController();
    const sign = vi.fn<UserActionSigner['sign']>(async () => {
      controller.abort(new CredkitError('cancelled'));
      return assertion;
    });
    const error = await credkitRejection(
      signUserActionChallenge(challenge, { signer: { sign }, signal: controller.signal }),
    );
    expect([error.code, error.phase]).toEqual(['cancelled', 'signing']);
    expect(sign.mock.calls[0]?.[1]).toBe(controller.signal);
    const before = await credkitRejection(
      signUserActionChallenge(challenge, { signer: { sign }, signal: controller.signal }),
    );
    expect([before.code, before.phase, sign.mock.calls.length]).toEqual(['cancelled', 'signing', 1]);
  });

  it("should make a foreign signer's failure a CredkitError of the phase signing", async () => {
    const error = await credkitRejection(
      signUserActionChallenge(challenge, {
        signer: {
          sign: async () => {
            throw new Error('device locked');
          },
        },
      }),
    );
    expect([error.code, error.phase, (error.cause as Error).message]).toEqual(['unknown', 'signing', 'device locked']);
  });
});
