import { describe, expect, it } from 'vitest';
import { USER_ACTION_REFUSED } from './auth.ts';
import { DEFAULT_ORG_ID } from './config.ts';
import {
  ANY_REQUEST,
  type Call,
  expectDfnsError,
  ORIGIN,
  type PasskeyUser,
  passkeyFactor,
  passkeyUserAction,
  setupBackend,
  signedCall,
  signUpWithPasskey,
  userActionChallenge,
} from './testHelpers.ts';
import { createSoftwareAuthenticator } from './testing/softwareAuthenticator.ts';

/** A second passkey for `user`, on its own authenticator, added with a signed POST /auth/credentials. */
async function secondPasskey(call: Call, user: PasskeyUser) {
  const authenticator = createSoftwareAuthenticator();
  const headers = { Authorization: `Bearer ${user.token}` };
  const init = await call('POST', '/auth/credentials/init', { kind: 'Fido2' }, headers);
  const credentialInfo = await authenticator.register({
    challenge: init.body.challenge,
    rpId: 'localhost',
    origin: ORIGIN,
    userId: user.userId,
  });
  const created = await signedCall(call, user, 'POST', '/auth/credentials', {
    credentialKind: 'Fido2',
    credentialName: 'Second',
    challengeIdentifier: init.body.challengeIdentifier,
    credentialInfo,
  });
  expect(created.status).toBe(200);
  return { ...user, authenticator, credentialUuid: created.body.credentialUuid as string };
}

async function isActive(call: Call, user: PasskeyUser, uuid: string) {
  const list = await call('GET', '/auth/credentials', undefined, { Authorization: `Bearer ${user.token}` });
  return list.body.items.find((item: { credentialUuid: string }) => item.credentialUuid === uuid)?.isActive;
}

describe('PUT /auth/credentials/deactivate and /activate', () => {
  it('should deactivate a credential, which then cannot sign, and activate it again', async () => {
    const { call } = setupBackend({ userActionSigning: 'required' });
    const user = await signUpWithPasskey(call);
    const second = await secondPasskey(call, user);

    const off = await signedCall(call, user, 'PUT', '/auth/credentials/deactivate', {
      credentialUuid: second.credentialUuid,
    });
    expect(off.status).toBe(200);
    expect(off.body).toEqual({ message: 'success' });
    expect(await isActive(call, user, second.credentialUuid)).toBe(false);
    // Not offered in allowCredentials, and refused if signed with anyway.
    await expect(passkeyUserAction(call, second, ANY_REQUEST)).rejects.toThrow(/no credential/);
    const init = await userActionChallenge(call, user.token);
    expect(init.allowCredentials.webauthn).toEqual([{ type: 'public-key', id: user.credentialId }]);
    expectDfnsError(
      await call(
        'POST',
        '/auth/action',
        {
          challengeIdentifier: init.challengeIdentifier,
          firstFactor: await passkeyFactor(second.authenticator, init.challenge),
        },
        { Authorization: `Bearer ${user.token}` },
      ),
      400,
      /is not an active Fido2 credential of this user/,
    );

    const on = await signedCall(call, user, 'PUT', '/auth/credentials/activate', {
      credentialUuid: second.credentialUuid,
    });
    expect(on.body).toEqual({ message: 'success' });
    expect(await isActive(call, user, second.credentialUuid)).toBe(true);
    expect((await passkeyUserAction(call, second, ANY_REQUEST)).status).toBe(200);
  });

  it('should take no action on a credential already in the state asked for', async () => {
    const { call } = setupBackend({ userActionSigning: 'required' });
    const user = await signUpWithPasskey(call);
    const again = await signedCall(call, user, 'PUT', '/auth/credentials/activate', {
      credentialUuid: user.credentialUuid,
    });
    expect(again.status).toBe(200);
    expect(await isActive(call, user, user.credentialUuid)).toBe(true);
  });

  it('should let a credential deactivate itself while another can sign', async () => {
    const { call } = setupBackend({ userActionSigning: 'required' });
    const user = await signUpWithPasskey(call);
    const second = await secondPasskey(call, user);
    const off = await signedCall(call, user, 'PUT', '/auth/credentials/deactivate', {
      credentialUuid: user.credentialUuid,
    });
    expect(off.status).toBe(200);
    expect((await passkeyUserAction(call, second, ANY_REQUEST)).status).toBe(200);
  });

  it('should refuse to deactivate the last active credential that can sign', async () => {
    const { call } = setupBackend({ userActionSigning: 'required' });
    const user = await signUpWithPasskey(call);
    const second = await secondPasskey(call, user);
    expect(
      (await signedCall(call, user, 'PUT', '/auth/credentials/deactivate', { credentialUuid: second.credentialUuid }))
        .status,
    ).toBe(200);
    expectDfnsError(
      await signedCall(call, user, 'PUT', '/auth/credentials/deactivate', { credentialUuid: user.credentialUuid }),
      400,
      /last active credential that can sign/,
    );
    expect(await isActive(call, user, user.credentialUuid)).toBe(true);
  });

  it("should answer 404 for an unknown credential or another user's", async () => {
    const { call } = setupBackend({ userActionSigning: 'required' });
    const user = await signUpWithPasskey(call);
    const stranger = await signUpWithPasskey(call, 'stranger@example.com');
    for (const credentialUuid of ['cr-nope', stranger.credentialUuid]) {
      expectDfnsError(
        await signedCall(call, user, 'PUT', '/auth/credentials/deactivate', { credentialUuid }),
        404,
        /not found/,
      );
    }
    expect(await isActive(call, stranger, stranger.credentialUuid)).toBe(true);
  });

  it('should need a user action signed for that exact call, unless signing is off', async () => {
    const { call } = setupBackend({ userActionSigning: 'required' });
    const user = await signUpWithPasskey(call);
    const second = await secondPasskey(call, user);
    const body = JSON.stringify({ credentialUuid: second.credentialUuid });
    const headers = { Authorization: `Bearer ${user.token}` };
    expectDfnsError(
      await call('PUT', '/auth/credentials/deactivate', body, headers),
      403,
      new RegExp(USER_ACTION_REFUSED),
    );
    const forActivate = await passkeyUserAction(call, user, {
      method: 'PUT',
      path: '/auth/credentials/activate',
      body,
    });
    expectDfnsError(
      await call('PUT', '/auth/credentials/deactivate', body, {
        ...headers,
        'X-DFNS-USERACTION': forActivate.body.userAction,
      }),
      403,
      new RegExp(USER_ACTION_REFUSED),
    );

    const unsigned = setupBackend({ userActionSigning: 'off' });
    const solo = await signUpWithPasskey(unsigned.call);
    const soloSecond = await secondPasskey(unsigned.call, solo);
    const off = await unsigned.call(
      'PUT',
      '/auth/credentials/deactivate',
      { credentialUuid: soloSecond.credentialUuid },
      { Authorization: `Bearer ${solo.token}` },
    );
    expect(off.status).toBe(200);
  });
});

// Issue 27: a thief signed in with a stolen passkey kept their 24-hour session after its owner
// deactivated that passkey. Dfns's behaviour is unknown; the mock ends those sessions.
describe('the sessions a deactivated passkey signed in', () => {
  /** A login with the passkey of `user.authenticator`: its token. */
  async function loginWith(call: Call, user: PasskeyUser) {
    const init = await call(
      'POST',
      '/auth/login/init',
      { orgId: DEFAULT_ORG_ID, username: user.username },
      { Authorization: '' },
    );
    const firstFactor = await passkeyFactor(user.authenticator, init.body.challenge, {
      allowCredentials: init.body.allowCredentials.webauthn,
    });
    const login = await call(
      'POST',
      '/auth/login',
      { challengeIdentifier: init.body.challengeIdentifier, firstFactor },
      { Authorization: '' },
    );
    expect(login.status).toBe(200);
    return login.body.token as string;
  }
  const meStatus = async (call: Call, token: string) =>
    (await call('GET', '/auth/users/me', undefined, { Authorization: `Bearer ${token}` })).status;

  it("should end them when it is deactivated, but the deactivating session's own and others'", async () => {
    const { call } = setupBackend({ userActionSigning: 'required' });
    const owner = await signUpWithPasskey(call);
    const stolen = await secondPasskey(call, owner);
    const thiefSessions = [await loginWith(call, stolen), await loginWith(call, stolen)];
    const ownerSession = await loginWith(call, owner);
    // The owner, from a session the stolen passkey began, deactivates it (signing with their own).
    const deactivatingSession = await loginWith(call, stolen);
    const off = await signedCall(
      call,
      { ...owner, token: deactivatingSession },
      'PUT',
      '/auth/credentials/deactivate',
      {
        credentialUuid: stolen.credentialUuid,
      },
    );
    expect(off.status).toBe(200);

    for (const token of thiefSessions) expect(await meStatus(call, token)).toBe(401);
    expect(await meStatus(call, deactivatingSession)).toBe(200);
    expect(await meStatus(call, ownerSession)).toBe(200);
    expect(await meStatus(call, owner.token)).toBe(200);
    // Activated again, it signs in anew; the ended sessions stay ended.
    const on = await signedCall(call, owner, 'PUT', '/auth/credentials/activate', {
      credentialUuid: stolen.credentialUuid,
    });
    expect(on.status).toBe(200);
    expect(await meStatus(call, await loginWith(call, stolen))).toBe(200);
    for (const token of thiefSessions) expect(await meStatus(call, token)).toBe(401);
  });
});
