import { describe, expect, it } from 'vitest';
import {
  ANY_REQUEST,
  expectDfnsError,
  passkeyFactor,
  passkeyUserAction,
  setupBackend,
  signUpWithPasskey,
  userActionChallenge,
} from '../testHelpers.ts';
import { createSoftwareAuthenticator } from './softwareAuthenticator.ts';

describe('the software authenticator', () => {
  it('should sign user actions the mock accepts, its counter growing each time', async () => {
    const { call } = setupBackend({ userActionSigning: 'required' });
    const user = await signUpWithPasskey(call);
    const first = await passkeyUserAction(call, user, ANY_REQUEST);
    expect(first.status).toBe(200);
    expect(first.body.userAction).toMatch(/^ua-/);
    expect((await passkeyUserAction(call, user, ANY_REQUEST)).status).toBe(200);
  });

  it('should return the registered user id as userHandle, and sign the challenge it is given', async () => {
    const authenticator = createSoftwareAuthenticator();
    const { credId } = await authenticator.register({
      challenge: 'c1',
      rpId: 'localhost',
      origin: 'http://localhost:5173',
      userId: 'us-1',
    });
    const assertion = await authenticator.authenticate({
      challenge: 'c2',
      rpId: 'localhost',
      origin: 'http://localhost:5173',
    });
    expect(assertion.credId).toBe(credId);
    expect(Buffer.from(assertion.userHandle ?? '', 'base64url').toString()).toBe('us-1');
    const clientData = JSON.parse(Buffer.from(assertion.clientData, 'base64url').toString());
    expect(clientData).toEqual({
      type: 'webauthn.get',
      challenge: Buffer.from('c2').toString('base64url'),
      origin: 'http://localhost:5173',
      crossOrigin: false,
    });
    // rpIdHash ‖ flags UP+UV ‖ counter 1
    expect(Buffer.from(assertion.authenticatorData, 'base64url').subarray(32).toString('hex')).toBe('0500000001');
  });

  it('should refuse to sign for an RP id or credentials it does not hold', async () => {
    const authenticator = createSoftwareAuthenticator();
    await authenticator.register({ challenge: 'c', rpId: 'localhost', origin: 'http://localhost:5173' });
    const sign = { challenge: 'c', origin: 'http://localhost:5173' };
    await expect(authenticator.authenticate({ ...sign, rpId: 'example.com' })).rejects.toThrow(/no credential/);
    await expect(
      authenticator.authenticate({ ...sign, rpId: 'localhost', allowCredentials: [{ id: 'AAAA' }] }),
    ).rejects.toThrow(/no credential/);
  });

  describe('what the mock refuses of its assertions', () => {
    it('should refuse a counter that does not grow (a cloned authenticator, or a replay)', async () => {
      const { call } = setupBackend();
      const user = await signUpWithPasskey(call);
      expect((await passkeyUserAction(call, user, ANY_REQUEST, { counter: 7 })).status).toBe(200);
      expectDfnsError(
        await passkeyUserAction(call, user, ANY_REQUEST, { counter: 7 }),
        400,
        /counter value 7 was lower/,
      );
      expectDfnsError(await passkeyUserAction(call, user, ANY_REQUEST, { counter: 3 }), 400, /counter/);
      expect((await passkeyUserAction(call, user, ANY_REQUEST, { counter: 8 })).status).toBe(200);
    });

    it('should refuse a signature whose DER wrapping was tampered with, though r and s are intact', async () => {
      const { call } = setupBackend();
      const user = await signUpWithPasskey(call);
      const init = await userActionChallenge(call, user.token);
      const firstFactor = await passkeyFactor(user.authenticator, init.challenge);
      const signature = Buffer.from(firstFactor.credentialAssertion.signature, 'base64url');
      signature[0] = (signature[0] ?? 0) ^ 0x80; // SEQUENCE 0x30 → 0xb0
      firstFactor.credentialAssertion.signature = signature.toString('base64url');
      expectDfnsError(
        await call(
          'POST',
          '/auth/action',
          { challengeIdentifier: init.challengeIdentifier, firstFactor },
          { Authorization: `Bearer ${user.token}` },
        ),
        400,
        /not a strict DER ECDSA signature/,
      );
    });

    it('should refuse an assertion made on an origin it does not allow', async () => {
      const { call } = setupBackend();
      const user = await signUpWithPasskey(call);
      expectDfnsError(
        await passkeyUserAction(call, user, ANY_REQUEST, { origin: 'https://evil.example' }),
        400,
        /origin https:\/\/evil\.example is not allowed/,
      );
    });
  });
});
