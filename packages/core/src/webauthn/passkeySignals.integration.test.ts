// Which signals the flows send, against the in-process mock: the user handle is the one the
// registration's create() was given, the accepted list is the one GET /auth/credentials implies.
import type { VerificationCodeMail } from '@credkit/mock-backend';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toBase64url } from '../encoding/base64url.ts';
import { createPasskeyLoginController } from '../engine/passkeyLoginController.ts';
import { listCredentials } from '../flows/listCredentials.ts';
import { recoverAccount, sendRecoveryCode } from '../flows/recoverAccount.ts';
import { registerUser } from '../flows/registerUser.ts';
import { generateRecoveryCode } from '../keys/recoveryCode.ts';
import { inProcessMock, softwareCredentials } from '../testFixtures.ts';
import { acceptedPasskeyIds, userFromToken } from './passkeySignals.ts';

const ORIGIN = 'http://localhost:5173';
const ORG = 'or-credk-itmck-0000000000000000';
const rp = { id: 'localhost', name: 'credkit' };

function signalApi() {
  const api = {
    signalAllAcceptedCredentials: vi.fn(async (_options: unknown) => undefined),
    signalCurrentUserDetails: vi.fn(async (_options: unknown) => undefined),
  };
  vi.stubGlobal('PublicKeyCredential', api);
  return api;
}

/** A software authenticator that also records the `user.id` each create() was given, base64url. */
function recordingPasskeys() {
  const passkeys = softwareCredentials(ORIGIN);
  const userHandles: string[] = [];
  return {
    userHandles,
    credentials: {
      ...passkeys,
      create: (options: CredentialCreationOptions) => {
        const user = (options.publicKey as PublicKeyCredentialCreationOptions).user;
        userHandles.push(toBase64url(user.id as Uint8Array));
        return passkeys.create(options);
      },
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('passkey signals of the flows, against the mock backend', () => {
  it('should signal the user after sign-up and sign-in, and the one passkey left after a recovery', async () => {
    const mails: VerificationCodeMail[] = [];
    const { fetcherWith, anonymous } = inProcessMock({
      origins: [ORIGIN],
      rpId: 'localhost',
      onVerificationCode: (mail) => mails.push(mail),
    });
    const api = signalApi();
    const username = 'ada@example.com';
    const laptop = recordingPasskeys();
    const recoveryCode = generateRecoveryCode();

    // Sign-up: the details of the user the passkey was just made for.
    const signedUp = await registerUser({
      fetcher: anonymous,
      orgId: ORG,
      username,
      registrationCode: '000000',
      rp,
      credentials: laptop.credentials,
      origin: ORIGIN,
      recoveryKey: { recoveryCode },
    });
    const [userHandle] = laptop.userHandles;
    expect(userHandle).toBeDefined();
    expect(api.signalCurrentUserDetails.mock.calls).toEqual([
      [{ rpId: 'localhost', userId: userHandle, name: username, displayName: username }],
    ]);
    expect(userFromToken(signedUp.token ?? '')?.id).toBe(signedUp.user.id);

    // Sign-in by username: the same user handle, the username as its name.
    const signIn = createPasskeyLoginController({
      fetcher: anonymous,
      orgId: ORG,
      rpId: 'localhost',
      credentials: laptop.credentials,
    });
    signIn.start({ username: ` ${username}` });
    await vi.waitFor(() => expect(signIn.getSnapshot().phase).toBe('success'), { timeout: 5000 });
    expect(api.signalCurrentUserDetails.mock.calls.at(-1)).toEqual([
      { rpId: 'localhost', userId: userHandle, name: username, displayName: username },
    ]);
    // A usernameless sign-in whose token names no username: no name to show, so no signal.
    signIn.reset();
    signIn.start({});
    await vi.waitFor(() => expect(signIn.getSnapshot().phase).toBe('success'), { timeout: 5000 });
    expect(api.signalCurrentUserDetails).toHaveBeenCalledTimes(2);

    // Recovery: every old credential archived, the new passkey the only one accepted.
    await sendRecoveryCode({ fetcher: anonymous, orgId: ORG, username });
    const phone = recordingPasskeys();
    const recovered = await recoverAccount({
      fetcher: anonymous,
      orgId: ORG,
      username,
      verificationCode: mails.at(-1)?.verificationCode ?? '',
      credentialId: signedUp.recoveryKey?.credentialId ?? '',
      recoveryCode,
      rp,
      credentials: phone.credentials,
      origin: ORIGIN,
    });
    expect(phone.userHandles).toEqual([userHandle]);
    expect(api.signalAllAcceptedCredentials).toHaveBeenCalledTimes(1);
    const [recoverySignal] = api.signalAllAcceptedCredentials.mock.calls[0] ?? [];
    expect(recoverySignal).toEqual({
      rpId: 'localhost',
      userId: userHandle,
      allAcceptedCredentialIds: [expect.any(String)],
    });

    // What the list says after the recovery is what the recovery signalled.
    const signInAfter = createPasskeyLoginController({
      fetcher: anonymous,
      orgId: ORG,
      rpId: 'localhost',
      credentials: phone.credentials,
    });
    signInAfter.start({ username });
    await vi.waitFor(() => expect(signInAfter.getSnapshot().phase).toBe('success'), { timeout: 5000 });
    const token = signInAfter.getSnapshot().data?.token ?? '';
    const listed = await listCredentials(fetcherWith(token));
    expect(acceptedPasskeyIds(listed, 'localhost')).toEqual(
      (recoverySignal as { allAcceptedCredentialIds: string[] }).allAcceptedCredentialIds,
    );
    expect(recovered.user.id).toBe(signedUp.user.id);
  });

  it('should sign up and sign in all the same when the browser refuses every signal', async () => {
    const refuse = vi.fn(async () => {
      throw new DOMException('refused', 'SecurityError');
    });
    vi.stubGlobal('PublicKeyCredential', { signalCurrentUserDetails: refuse, signalAllAcceptedCredentials: refuse });
    const { anonymous } = inProcessMock({ origins: [ORIGIN], rpId: 'localhost' });
    const laptop = softwareCredentials(ORIGIN);
    const signedUp = await registerUser({
      fetcher: anonymous,
      orgId: ORG,
      username: 'grace@example.com',
      registrationCode: '000000',
      rp,
      credentials: laptop,
      origin: ORIGIN,
    });
    expect(signedUp.user.username).toBe('grace@example.com');
    const signIn = createPasskeyLoginController({
      fetcher: anonymous,
      orgId: ORG,
      rpId: 'localhost',
      credentials: laptop,
    });
    signIn.start({ username: 'grace@example.com' });
    await vi.waitFor(() => expect(signIn.getSnapshot().phase).toBe('success'), { timeout: 5000 });
    expect(refuse).toHaveBeenCalledTimes(2);
  });
});
