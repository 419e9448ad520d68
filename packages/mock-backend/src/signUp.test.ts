// What a sign-up sends besides its first factor (issue 25): nothing is dropped. A recoveryCredential
// is verified and kept, a secondFactorCredential refused, wallets answered with made-up records.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_ID, type VerificationCodeMail } from './config.ts';
import {
  beginSignUp,
  type Call,
  expectDfnsError,
  newRecoveryKey,
  RECOVERY_WRAPPED,
  setupBackend,
  signUpWithPasskey,
} from './testHelpers.ts';

const USERNAME = 'sam@example.com';

/** A backend whose recovery "mails" land in `mails`. */
function setup(options: Parameters<typeof setupBackend>[0] = {}) {
  const mails: VerificationCodeMail[] = [];
  return { ...setupBackend({ onVerificationCode: (mail) => mails.push(mail), ...options }), mails };
}

/** Whether the username is still free: a new sign-up may begin with it. */
async function usernameIsFree(call: Call, username = USERNAME) {
  const init = await call('POST', '/auth/registration/init', {
    orgId: DEFAULT_ORG_ID,
    username,
    registrationCode: 'x',
  });
  return init.status === 200;
}

/** `/auth/recover/user/code` then `/init` naming `credentialId`: the answer. */
async function recoveryInit(call: Call, mails: VerificationCodeMail[], credentialId: string) {
  await call('POST', '/auth/recover/user/code', { username: USERNAME, orgId: DEFAULT_ORG_ID });
  const verificationCode = mails.at(-1)?.verificationCode;
  return call('POST', '/auth/recover/user/init', {
    username: USERNAME,
    orgId: DEFAULT_ORG_ID,
    verificationCode,
    credentialId,
  });
}

describe('recoveryCredential of a sign-up', () => {
  it('should verify it and keep it as a RecoveryKey, named like a recovery names it when sent without a name', async () => {
    const { call } = setup();
    const signUp = await beginSignUp(call, USERNAME);
    const { recoveryCredential, credentialId } = newRecoveryKey(signUp.init.challenge);
    const { credentialName: _, ...unnamed } = recoveryCredential;
    const done = await signUp.complete({ recoveryCredential: unnamed, wallets: [] });
    expect(done.status).toBe(200);
    expect(done.body.credential).toMatchObject({ kind: 'Fido2', name: 'Passkey' });
    const list = await call('GET', '/auth/credentials', undefined, {
      Authorization: `Bearer ${done.body.authentication.token}`,
    });
    expect(list.body.items.map(({ kind, name, credentialId: id }: Record<string, string>) => [kind, name, id])).toEqual(
      [
        ['Fido2', 'Passkey', signUp.firstFactorCredential.credentialInfo.credId],
        ['RecoveryKey', `Recovery key of ${USERNAME}`, credentialId],
      ],
    );
  });

  it.each(['/auth/registration/enduser', '/auth/registration'])(
    'should keep its encryptedPrivateKey at %s, handed out by /auth/recover/user/init',
    async (path) => {
      const { call, mails } = setup();
      const signUp = await beginSignUp(call, USERNAME);
      const { recoveryCredential, credentialId } = newRecoveryKey(signUp.init.challenge);
      expect((await signUp.complete({ recoveryCredential }, path)).status).toBe(200);
      const init = await recoveryInit(call, mails, credentialId);
      expect(init.status).toBe(200);
      expect(init.body.allowedRecoveryCredentials).toEqual([
        { id: credentialId, encryptedRecoveryKey: RECOVERY_WRAPPED },
      ]);
    },
  );

  it('should refuse a malformed one with a 400 naming the field, and let the corrected sign-up through', async () => {
    const { call } = setup();
    const signUp = await beginSignUp(call, USERNAME);
    const { recoveryCredential } = newRecoveryKey(signUp.init.challenge);
    const firstCredId = signUp.firstFactorCredential.credentialInfo.credId;
    const cases: [unknown, RegExp][] = [
      ['a key', /^recoveryCredential is required \(an object\), got a string$/],
      [{ ...recoveryCredential, credentialKind: 'Key' }, /^recoveryCredential.credentialKind must be "RecoveryKey"/],
      [{ ...recoveryCredential, credentialInfo: undefined }, /^recoveryCredential.credentialInfo is required/],
      [
        {
          ...recoveryCredential,
          credentialInfo: { ...recoveryCredential.credentialInfo, clientData: 'not base64url!' },
        },
        /^recoveryCredential.credentialInfo.clientData is not base64url/,
      ],
      [
        { ...recoveryCredential, credentialInfo: { ...recoveryCredential.credentialInfo, credId: firstCredId } },
        /^recoveryCredential.credentialInfo.credId is the first factor's/,
      ],
      [
        { ...recoveryCredential, encryptedPrivateKey: 'not base64!' },
        /^recoveryCredential.encryptedPrivateKey must be/,
      ],
      [{ ...recoveryCredential, credentialName: '   ' }, /^recoveryCredential.credentialName/],
    ];
    for (const [bad, message] of cases) {
      expectDfnsError(await signUp.complete({ recoveryCredential: bad, wallets: [] }), 400, message);
    }
    // Shape errors spend nothing: the same token and challenge complete the sign-up.
    expect((await signUp.complete({ recoveryCredential, wallets: [] })).status).toBe(200);
  });

  it('should refuse one that fails verification, creating no user: the first factor is not kept alone', async () => {
    const { call } = setup();
    const signUp = await beginSignUp(call, USERNAME);
    // A RecoveryKey made for another challenge: its clientData does not answer this sign-up's.
    const { recoveryCredential } = newRecoveryKey('another challenge');
    expectDfnsError(
      await signUp.complete({ recoveryCredential, wallets: [] }),
      400,
      /challenge does not match the issued challenge/,
    );
    expect(await usernameIsFree(call)).toBe(true);
    // The challenge is spent, as for any failed registration: a new sign-up is needed.
    expectDfnsError(await signUp.complete(), 400, /already used/);
  });

  it("should refuse one with another user's credential id (409), creating no user", async () => {
    const { call } = setup();
    const other = await signUpWithPasskey(call, 'other@example.com');
    const signUp = await beginSignUp(call, USERNAME);
    const { recoveryCredential } = newRecoveryKey(signUp.init.challenge);
    // Recorded as a key credential would be: any id the client picks, here the other user's passkey's.
    const stolen = {
      ...recoveryCredential,
      credentialInfo: { ...recoveryCredential.credentialInfo, credId: other.credentialId },
    };
    expectDfnsError(
      await signUp.complete({ recoveryCredential: stolen, wallets: [] }),
      409,
      /already registered to another user/,
    );
    expect(await usernameIsFree(call)).toBe(true);
  });
});

describe('secondFactorCredential of a sign-up', () => {
  it('should be refused with a 400 naming it: the mock offers no second factor', async () => {
    const { call } = setup();
    const signUp = await beginSignUp(call, USERNAME);
    expectDfnsError(
      await signUp.complete({ secondFactorCredential: { credentialKind: 'Totp', credentialInfo: { otpCode: '1' } } }),
      400,
      /^secondFactorCredential: the mock supports no second factor/,
    );
    expect((await signUp.complete()).status).toBe(200);
  });
});

describe('wallets of a sign-up', () => {
  it('should answer made-up wallet records shaped like Dfns RegisterEndUserResponse.wallets', async () => {
    const time = Date.parse('2026-12-01T09:30:00Z');
    const { call } = setup({ now: () => time });
    const signUp = await beginSignUp(call, USERNAME);
    const done = await signUp.complete({
      wallets: [
        { network: 'EthereumSepolia' },
        { network: 'SolanaDevnet', name: ' Savings ' },
        { network: 'Starknet' },
      ],
    });
    expect(done.status).toBe(200);
    const userId = done.body.user.id;
    const [ethereum, solana, starknet] = done.body.wallets;
    expect(ethereum).toEqual({
      id: expect.stringMatching(/^wa-[0-9a-z]{5}-[0-9a-z]{5}-[0-9a-z]{16}$/),
      network: 'EthereumSepolia',
      signingKey: {
        id: expect.stringMatching(/^key-[0-9a-z]{5}-[0-9a-z]{5}-[0-9a-z]{16}$/),
        scheme: 'ECDSA',
        curve: 'secp256k1',
        publicKey: expect.stringMatching(/^0[23][0-9a-f]{64}$/),
        delegatedTo: userId,
      },
      status: 'Active',
      dateCreated: '2026-12-01T09:30:00.000Z',
      custodial: false,
      tags: [],
    });
    expect(solana).toMatchObject({
      network: 'SolanaDevnet',
      name: 'Savings',
      signingKey: { scheme: 'EdDSA', curve: 'ed25519', publicKey: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(starknet).toMatchObject({ signingKey: { scheme: 'ECDSA', curve: 'stark' } });
    // No address: the mock holds no key, so an address would be one nobody controls.
    expect(done.body.wallets.some((wallet: object) => 'address' in wallet)).toBe(false);
    expect(new Set(done.body.wallets.map((wallet: { id: string }) => wallet.id)).size).toBe(3);
  });

  it('should answer no wallets for an empty or absent list', async () => {
    const { call } = setup();
    const signUp = await beginSignUp(call, USERNAME);
    const done = await signUp.complete({});
    expect(done.status).toBe(200);
    expect(done.body.wallets).toEqual([]);
  });

  it('should refuse malformed wallets with a 400 naming wallets[i], more than 10, and any at /auth/registration', async () => {
    const { call } = setup();
    const signUp = await beginSignUp(call, USERNAME);
    const cases: [unknown, RegExp][] = [
      [{ network: 'EthereumSepolia' }, /^wallets must be an array of \{ network, name\? \}, got an object$/],
      [['EthereumSepolia'], /^wallets\[0\] is required \(an object\), got a string$/],
      [[{ network: 'EthereumSepolia' }, {}], /^wallets\[1\]\.network is required \(a non-empty string\), got missing$/],
      [[{ network: '' }], /^wallets\[0\]\.network is required \(a non-empty string\), got an empty string$/],
      [[{ network: 'Ethereum Sepolia<script>' }], /^wallets\[0\]\.network must be a Dfns network name/],
      [[{ network: 'Bitcoin', name: 42 }], /^wallets\[0\]\.name is required \(a non-empty string\)/],
      [[{ network: 'Bitcoin', name: 'a\u0000b' }], /^wallets\[0\]\.name /],
      [
        Array.from({ length: 11 }, () => ({ network: 'Ethereum' })),
        /^wallets asks for 11 wallets: a sign-up makes at most 10$/,
      ],
    ];
    for (const [wallets, message] of cases) expectDfnsError(await signUp.complete({ wallets }), 400, message);
    expectDfnsError(
      await signUp.complete({ wallets: [{ network: 'Ethereum' }] }, '/auth/registration'),
      400,
      /^wallets: POST \/auth\/registration makes no wallets/,
    );
    // Refused before the challenge is spent: ten wallets, the cap, go through with the same token.
    const ten = Array.from({ length: 10 }, () => ({ network: 'Ethereum' }));
    const done = await signUp.complete({ wallets: ten });
    expect(done.status).toBe(200);
    expect(done.body.wallets).toHaveLength(10);
  });
});
