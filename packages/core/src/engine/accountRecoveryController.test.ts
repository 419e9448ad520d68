// The recovery engine against the in-process mock: the code's state, the phases through the sign-in
// with the new passkey, and a sign-in that fails after the account was recovered.
import type { VerificationCodeMail } from '@credkit/mock-backend';
import { describe, expect, it } from 'vitest';
import { generateRecoveryCode } from '../keys/recoveryCode.ts';
import { inProcessMock, softwareCredentials, userWithRecoveryKey } from '../testFixtures.ts';
import {
  type AccountRecoveryController,
  type AccountRecoverySnapshot,
  createAccountRecoveryController,
} from './accountRecoveryController.ts';

const ORIGIN = 'http://localhost:5173';
const ORG = 'or-credk-itmck-0000000000000000';
const USERNAME = 'demo@credkit.dev';
const rp = { id: 'localhost', name: 'credkit' };
const SLOW = { timeout: 20_000 };

async function setup() {
  const mails: VerificationCodeMail[] = [];
  const { fetcherWith, anonymous } = inProcessMock({
    origins: [ORIGIN],
    rpId: 'localhost',
    userActionSigning: 'off',
    onVerificationCode: (mail) => mails.push(mail),
  });
  const { recoveryCode, credentialId } = await userWithRecoveryKey(fetcherWith('demo-token'));
  return { mails, anonymous, recoveryCode, credentialId };
}

/** Every distinct snapshot the engine published, and a wait for the one `done` accepts. */
function record(engine: AccountRecoveryController) {
  const seen: AccountRecoverySnapshot[] = [engine.getSnapshot()];
  const waiters = new Set<() => void>();
  engine.subscribe(() => {
    if (seen.at(-1) !== engine.getSnapshot()) seen.push(engine.getSnapshot());
    for (const waiter of waiters) waiter();
  });
  const until = (done: (snapshot: AccountRecoverySnapshot) => boolean) =>
    new Promise<AccountRecoverySnapshot>((resolve) => {
      const check = () => {
        if (!done(engine.getSnapshot())) return;
        waiters.delete(check);
        resolve(engine.getSnapshot());
      };
      waiters.add(check);
      check();
    });
  return { seen, until };
}

describe('createAccountRecoveryController', () => {
  it(
    'should send the code, recover with a new recovery key, then sign in with the new passkey',
    async () => {
      const { mails, anonymous, recoveryCode, credentialId } = await setup();
      const signedIn: string[] = [];
      const engine = createAccountRecoveryController({
        fetcher: anonymous,
        orgId: ORG,
        rp,
        origin: ORIGIN,
        credentials: softwareCredentials(ORIGIN),
        signInAfter: true,
        onSignedIn: (token) => signedIn.push(token),
      });
      const unmount = engine.mount();
      const { seen, until } = record(engine);

      engine.sendCode(USERNAME);
      expect(engine.getSnapshot().codeStatus).toBe('sending');
      await until((s) => s.codeStatus === 'sent');

      engine.start({
        username: USERNAME,
        verificationCode: mails.at(-1)?.verificationCode ?? '',
        credentialId,
        recoveryCode,
        newRecoveryKey: { recoveryCode: generateRecoveryCode() },
      });
      const done = await until((s) => !s.isBusy);
      expect(done).toMatchObject({
        phase: 'success',
        error: null,
        result: { user: { username: USERNAME }, recoveryKey: { name: 'Recovery key' } },
        login: { token: expect.any(String) },
      });
      expect(signedIn).toEqual([done.login?.token]);
      expect([...new Set(seen.map((s) => s.phase))]).toEqual([
        'idle',
        'challenge',
        'ceremony',
        'signing',
        'submitting',
        'signing-in',
        'success',
      ]);
      unmount();
    },
    SLOW.timeout,
  );

  it(
    'should keep the recovered account when the sign-in after it fails, and forget both on reset',
    async () => {
      const { mails, anonymous, recoveryCode, credentialId } = await setup();
      const newPasskey = softwareCredentials(ORIGIN);
      const engine = createAccountRecoveryController({
        fetcher: anonymous,
        orgId: ORG,
        rp,
        origin: ORIGIN,
        // The new passkey is made, but the person dismisses the sign-in prompt.
        credentials: {
          create: (request) => newPasskey.create(request),
          get: async () => {
            throw new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError');
          },
        },
        signInAfter: true,
      });
      const { until } = record(engine);
      engine.sendCode(USERNAME);
      await until((s) => s.codeStatus === 'sent');
      engine.start({
        username: USERNAME,
        verificationCode: mails.at(-1)?.verificationCode ?? '',
        credentialId,
        recoveryCode,
      });
      const failed = await until((s) => !s.isBusy);
      expect(failed.phase).toBe('error');
      expect(failed.error?.code).toBe('cancelled');
      expect(failed.result?.user.username).toBe(USERNAME);

      engine.reset();
      expect(engine.getSnapshot()).toMatchObject({ phase: 'idle', result: undefined, error: null, codeStatus: 'idle' });
    },
    SLOW.timeout,
  );
});
