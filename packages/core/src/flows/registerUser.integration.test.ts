// Sign-up checked by the independent verifier: a recovery key registered with the first passkey, and
// a sign-up whose challenge and completion go through "the host's backend", against the in-process mock.
import type { VerificationCodeMail } from '@credkit/mock-backend';
import { describe, expect, it } from 'vitest';
import type { RegisterEndUserBody } from '../dfns/dfnsTypes.ts';
import { generateRecoveryCode } from '../keys/recoveryCode.ts';
import { inProcessMock, softwareCredentials } from '../testFixtures.ts';
import { listCredentials } from './listCredentials.ts';
import { loginWithPasskey } from './loginWithPasskey.ts';
import { recoverAccount, sendRecoveryCode } from './recoverAccount.ts';
import { registerUser } from './registerUser.ts';

const ORIGIN = 'http://localhost:5173';
const ORG = 'or-credk-itmck-0000000000000000';
const rp = { id: 'localhost', name: 'credkit' };

function setup() {
  const mails: VerificationCodeMail[] = [];
  const { fetcherWith, anonymous } = inProcessMock({
    origins: [ORIGIN],
    rpId: 'localhost',
    onVerificationCode: (mail) => mails.push(mail),
  });
  return { mails, fetcherWith, anonymous };
}

describe('sign-up against the mock backend', () => {
  it('should keep the recovery key made at sign-up, which then recovers the account', async () => {
    const { mails, fetcherWith, anonymous } = setup();
    const username = 'ada@example.com';
    const recoveryCode = generateRecoveryCode();
    const signedUp = await registerUser({
      fetcher: anonymous,
      orgId: ORG,
      username,
      registrationCode: '000000',
      rp,
      // No credentialName: the passkey is named after its provider (the AAGUID: 1Password).
      credentials: softwareCredentials(ORIGIN, 'bada5566-a7aa-401f-bd96-45619a55120d'),
      origin: ORIGIN,
      recoveryKey: { recoveryCode },
    });
    expect(signedUp.recoveryKey).toEqual({ credentialId: expect.any(String), name: 'Recovery key' });
    const listed = await listCredentials(fetcherWith(signedUp.token));
    expect(listed.find(({ kind }) => kind === 'Fido2')?.name).toBe('1Password');
    expect(listed.map(({ kind, credentialId }) => ({ kind, credentialId }))).toEqual(
      expect.arrayContaining([{ kind: 'RecoveryKey', credentialId: signedUp.recoveryKey?.credentialId }]),
    );

    await sendRecoveryCode({ fetcher: anonymous, orgId: ORG, username });
    const newPasskey = softwareCredentials(ORIGIN, 'd548826e-79b4-db40-a3d8-11116f7e8349');
    const recovered = await recoverAccount({
      fetcher: anonymous,
      orgId: ORG,
      username,
      verificationCode: mails.at(-1)?.verificationCode ?? '',
      credentialId: signedUp.recoveryKey?.credentialId ?? '',
      recoveryCode,
      rp,
      credentials: newPasskey,
      origin: ORIGIN,
    });
    expect(recovered.user.username).toBe(username);
    expect(recovered.credential.name).toBe('Bitwarden');
    await expect(
      loginWithPasskey({ fetcher: anonymous, orgId: ORG, username, rpId: 'localhost', credentials: newPasskey }),
    ).resolves.toMatchObject({ token: expect.any(String) });
  });

  it('should name a passkey given a blank name after its provider, and a key given a blank name "Key"', async () => {
    const { fetcherWith, anonymous } = setup();
    const withPasskey = await registerUser({
      fetcher: anonymous,
      orgId: ORG,
      username: 'grace@example.com',
      registrationCode: '000000',
      rp,
      credentialName: '   ',
      // Google Password Manager's AAGUID.
      credentials: softwareCredentials(ORIGIN, 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4'),
      origin: ORIGIN,
    });
    const passkeys = await listCredentials(fetcherWith(withPasskey.token));
    expect(passkeys.map(({ name }) => name)).toEqual(['Google Password Manager']);

    const withKey = await registerUser({
      fetcher: anonymous,
      orgId: ORG,
      username: 'alan@example.com',
      registrationCode: '000000',
      rp,
      kind: 'Key',
      credentialName: '',
      origin: ORIGIN,
    });
    const keys = await listCredentials(fetcherWith(withKey.token));
    expect(keys.map(({ kind, name }) => ({ kind, name }))).toEqual([{ kind: 'Key', name: 'Key' }]);
  });

  it("should sign up through the host's backend, which keeps the user's token to itself", async () => {
    const { anonymous } = setup();
    // The host's backend: it asks for the challenge (here the mock's init stands in for
    // /auth/registration/delegated), remembers its temporary token, and completes under it.
    let temporaryToken = '';
    const laptop = softwareCredentials(ORIGIN);
    const registration = await registerUser({
      challengeSource: async ({ signal }) => {
        const challenge = (await anonymous({
          method: 'POST',
          path: '/auth/registration/init',
          body: { orgId: ORG, username: 'grace@example.com', registrationCode: '000000' },
          signal,
        })) as { temporaryAuthenticationToken: string };
        temporaryToken = challenge.temporaryAuthenticationToken;
        return challenge;
      },
      completion: async (body: RegisterEndUserBody, { signal }) => {
        const { authentication: _kept, ...answer } = (await anonymous({
          method: 'POST',
          path: '/auth/registration/enduser',
          body: { ...body, wallets: [{ network: 'EthereumSepolia' }] },
          headers: { Authorization: `Bearer ${temporaryToken}` },
          signal,
        })) as Record<string, unknown>;
        return answer;
      },
      rp,
      credentials: laptop,
    });

    expect(registration.user.username).toBe('grace@example.com');
    expect(registration.token).toBeUndefined();
    // The passkey is the user's: it signs them in.
    await expect(
      loginWithPasskey({ fetcher: anonymous, orgId: ORG, rpId: 'localhost', credentials: laptop }),
    ).resolves.toMatchObject({ token: expect.any(String) });
  });
});
