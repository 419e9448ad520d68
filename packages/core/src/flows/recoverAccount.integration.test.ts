// Account recovery checked by the independent verifier: a RecoveryKey registered by credkit, then a
// recovery with a new passkey, against the in-process mock (software authenticator, WebCrypto keys).
import type { VerificationCodeMail } from '@credkit/mock-backend';
import { describe, expect, it } from 'vitest';
import { createFetcher } from '../http/fetcher.ts';
import { generateRecoveryCode } from '../keys/recoveryCode.ts';
import { credkitRejection, inProcessMock, softwareCredentials, userWithRecoveryKey } from '../testFixtures.ts';
import { loginWithPasskey } from './loginWithPasskey.ts';
import { recoverAccount, sendRecoveryCode } from './recoverAccount.ts';

const ORIGIN = 'http://localhost:5173';
const ORG = 'or-credk-itmck-0000000000000000';
const USERNAME = 'demo@credkit.dev';
const rp = { id: 'localhost', name: 'credkit' };

function setup() {
  const mails: VerificationCodeMail[] = [];
  const { backend, fetcherWith, anonymous } = inProcessMock({
    origins: [ORIGIN],
    rpId: 'localhost',
    userActionSigning: 'off',
    onVerificationCode: (mail) => mails.push(mail),
  });
  return { mails, backend, demo: fetcherWith('demo-token'), anonymous };
}

describe('account recovery against the mock backend', () => {
  it('should recover with the recovery key and a new passkey, which then signs in', async () => {
    const { mails, demo, anonymous } = setup();
    const { lostPasskey, recoveryCode, credentialId } = await userWithRecoveryKey(demo);

    await sendRecoveryCode({ fetcher: anonymous, orgId: ORG, username: USERNAME });
    const verificationCode = mails.at(-1)?.verificationCode ?? '';
    const newPasskey = softwareCredentials(ORIGIN);
    const phases: string[] = [];
    const recovered = await recoverAccount({
      fetcher: anonymous,
      orgId: ORG,
      username: USERNAME,
      verificationCode,
      credentialId,
      // As people type it: lower case, spaces for dashes.
      recoveryCode: recoveryCode.toLowerCase().replaceAll('-', ' '),
      rp,
      credentialName: 'New phone',
      credentials: newPasskey,
      origin: ORIGIN,
      onPhase: (phase) => phases.push(phase),
    });
    expect(recovered.credential).toMatchObject({ kind: 'Fido2', name: 'New phone' });
    expect(recovered.user.username).toBe(USERNAME);
    expect(phases).toEqual(['challenge', 'ceremony', 'signing', 'submitting']);

    const signIn = (credentials: ReturnType<typeof softwareCredentials>) =>
      loginWithPasskey({ fetcher: anonymous, orgId: ORG, rpId: 'localhost', credentials });
    await expect(signIn(newPasskey)).resolves.toMatchObject({ token: expect.any(String) });
    // Dfns invalidates the previous credentials on recovery: the lost passkey no longer signs in.
    const old = await credkitRejection(signIn(lostPasskey));
    expect(old.phase).toBe('submitting');
  });

  it("should name a new passkey left blank after its provider, from the attestation's AAGUID", async () => {
    const { mails, demo, anonymous } = setup();
    const { recoveryCode, credentialId } = await userWithRecoveryKey(demo);
    await sendRecoveryCode({ fetcher: anonymous, orgId: ORG, username: USERNAME });
    const recovered = await recoverAccount({
      fetcher: anonymous,
      orgId: ORG,
      username: USERNAME,
      verificationCode: mails.at(-1)?.verificationCode ?? '',
      credentialId,
      recoveryCode,
      rp,
      // Spaces only, as a form's untouched field may send: blank, so the provider's name.
      credentialName: '  ',
      credentials: softwareCredentials(ORIGIN, 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4'),
      origin: ORIGIN,
    });
    // The name the mock stored, as it answers it.
    expect(recovered.credential).toMatchObject({ kind: 'Fido2', name: 'Google Password Manager' });
  });

  it('should register a new recovery key in the same call, which recovers the account again', async () => {
    const { mails, demo, anonymous } = setup();
    const first = await userWithRecoveryKey(demo);
    const recover = async (key: { credentialId: string; recoveryCode: string }, newRecoveryCode?: string) => {
      await sendRecoveryCode({ fetcher: anonymous, orgId: ORG, username: USERNAME });
      return recoverAccount({
        fetcher: anonymous,
        orgId: ORG,
        username: USERNAME,
        verificationCode: mails.at(-1)?.verificationCode ?? '',
        ...key,
        rp,
        credentials: softwareCredentials(ORIGIN),
        origin: ORIGIN,
        ...(newRecoveryCode && {
          newRecoveryKey: { recoveryCode: newRecoveryCode, credentialName: 'Paper in the safe' },
        }),
      });
    };

    const newRecoveryCode = generateRecoveryCode();
    const recovered = await recover(first, newRecoveryCode);
    expect(recovered.recoveryKey).toEqual({ credentialId: expect.any(String), name: 'Paper in the safe' });
    const secondKey = { credentialId: recovered.recoveryKey?.credentialId ?? '', recoveryCode: newRecoveryCode };

    // The old recovery key went with the other old credentials; the new one works.
    const spent = await credkitRejection(recover(first));
    expect([spent.code, spent.phase, spent.status]).toEqual(['server', 'challenge', 400]);
    await expect(recover(secondKey)).resolves.toMatchObject({ user: { username: USERNAME } });
  });

  it('should refuse a wrong recovery code before making any passkey, and a wrong verification code', async () => {
    const { mails, demo, anonymous } = setup();
    const { credentialId } = await userWithRecoveryKey(demo);
    await sendRecoveryCode({ fetcher: anonymous, orgId: ORG, username: USERNAME });
    const verificationCode = mails.at(-1)?.verificationCode ?? '';
    const newPasskey = softwareCredentials(ORIGIN);
    let made = 0;
    const counting = {
      create: async (request: CredentialCreationOptions) => {
        made += 1;
        return newPasskey.create(request);
      },
    };
    const recover = (codes: { verificationCode: string; recoveryCode: string }) =>
      credkitRejection(
        recoverAccount({
          fetcher: anonymous,
          orgId: ORG,
          username: USERNAME,
          credentialId,
          rp,
          credentials: counting,
          ...codes,
        }),
      );

    const wrongKey = await recover({ verificationCode, recoveryCode: generateRecoveryCode() });
    expect([wrongKey.code, wrongKey.phase]).toEqual(['wrong-password', 'signing']);
    expect(made).toBe(0);

    const wrongMail = await recover({ verificationCode: '0000-0000-0000-0000', recoveryCode: generateRecoveryCode() });
    expect([wrongMail.code, wrongMail.phase, wrongMail.status]).toEqual(['server', 'challenge', 400]);
  });

  it('should refuse a recovery key the server sends unusable as invalid-challenge, making no passkey', async () => {
    const { mails, backend, demo } = setup();
    const { recoveryCode, credentialId } = await userWithRecoveryKey(demo);
    // A server (or a proxy) that sends a wrapped key asking for 1 PBKDF2 iteration.
    const tampering = createFetcher({
      baseUrl: 'http://mock.test',
      fetch: async (input, init) => {
        const answer = await backend.fetch(new Request(input, init));
        if (!String(input).endsWith('/auth/recover/user/init')) return answer;
        const body = (await answer.json()) as { allowedRecoveryCredentials: { encryptedRecoveryKey: string }[] };
        for (const key of body.allowedRecoveryCredentials) {
          const wrapped = JSON.parse(atob(key.encryptedRecoveryKey)) as { kdf: Record<string, unknown> };
          key.encryptedRecoveryKey = btoa(JSON.stringify({ ...wrapped, kdf: { ...wrapped.kdf, iterations: 1 } }));
        }
        return Response.json(body);
      },
    });
    await sendRecoveryCode({ fetcher: tampering, orgId: ORG, username: USERNAME });
    let made = 0;
    const error = await credkitRejection(
      recoverAccount({
        fetcher: tampering,
        orgId: ORG,
        username: USERNAME,
        verificationCode: mails.at(-1)?.verificationCode ?? '',
        credentialId,
        recoveryCode,
        rp,
        credentials: {
          create: async () => {
            made += 1;
            return null;
          },
        },
      }),
    );
    expect([error.code, error.phase]).toEqual(['invalid-challenge', 'challenge']);
    expect(made).toBe(0);
  });
});
