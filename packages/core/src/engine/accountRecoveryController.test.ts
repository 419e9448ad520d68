// The recovery engine against the in-process mock: the code's state, the phases through the sign-in
// with the new passkey, and a sign-in that fails after the account was recovered.
import type { VerificationCodeMail } from '@credkit/mock-backend';
import { describe, expect, it } from 'vitest';
import type { Fetcher } from '../http/fetcher.ts';
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

/** Every distinct snapshot the engine published, the notifications, and a wait for the one `done` accepts. */
function record(engine: AccountRecoveryController) {
  const seen: AccountRecoverySnapshot[] = [engine.getSnapshot()];
  const waiters = new Set<() => void>();
  let notifications = 0;
  engine.subscribe(() => {
    notifications += 1;
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
  return { seen, until, notifications: () => notifications };
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
      const { seen, until, notifications } = record(engine);

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
      // Each notification published a new snapshot; none changed without one.
      expect(seen).toHaveLength(notifications() + 1);
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

  it('should return the same snapshot until a change, and notify once per change', async () => {
    let answer: (() => void) | undefined;
    // The code is sent when told; every other call fails as if offline.
    const fetcher: Fetcher = ({ path }) =>
      path === '/auth/recover/user/code'
        ? new Promise((resolve) => {
            answer = () => resolve({});
          })
        : Promise.reject(new TypeError('Failed to fetch'));
    const engine = createAccountRecoveryController({ fetcher, orgId: ORG, rp, origin: ORIGIN });
    const published: AccountRecoverySnapshot[] = [];
    engine.subscribe(() => published.push(engine.getSnapshot()));
    const changes = () => [engine.getSnapshot() === published.at(-1), published.length];
    const nextChange = () =>
      new Promise<AccountRecoverySnapshot>((resolve) => {
        const unsubscribe = engine.subscribe(() => {
          unsubscribe();
          resolve(engine.getSnapshot());
        });
      });

    const first = engine.getSnapshot();
    expect(engine.getSnapshot()).toBe(first);
    engine.sendCode(USERNAME);
    expect(changes()).toEqual([true, 1]);
    expect(engine.getSnapshot()).not.toBe(first);
    expect(engine.getSnapshot()).toMatchObject({ codeStatus: 'sending', phase: 'idle' });

    answer?.();
    await nextChange();
    expect(changes()).toEqual([true, 2]);
    expect(engine.getSnapshot().codeStatus).toBe('sent');

    engine.start({
      username: USERNAME,
      verificationCode: '123456',
      credentialId: 'c1',
      recoveryCode: generateRecoveryCode(),
    });
    expect(changes()).toEqual([true, 3]);
    const failed = await nextChange();
    expect(failed).toMatchObject({ phase: 'error', codeStatus: 'sent' });
    expect(changes()).toEqual([true, 4]);

    // A new code ends the failed attempt and starts sending: one change, one notification.
    engine.sendCode(USERNAME);
    expect(changes()).toEqual([true, 5]);
    expect(engine.getSnapshot()).toMatchObject({ phase: 'idle', error: null, codeStatus: 'sending' });

    engine.reset();
    expect(changes()).toEqual([true, 6]);
    expect(engine.getSnapshot()).toMatchObject({ phase: 'idle', codeStatus: 'idle' });
    // Nothing left to change: no notification, the same object.
    const idle = engine.getSnapshot();
    engine.reset();
    expect(changes()).toEqual([true, 6]);
    expect(engine.getSnapshot()).toBe(idle);
  });
});
