// Issue 27: anyone may ask for a user's code, so asking again must neither void the code mailed nor
// mint codes without end. Deterministic time: the mock's `now` option, no sleeps.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_ID } from './config.ts';
import { LIVE_CODES_PER_USER, RESEND_AFTER_MS } from './state/mailedCodes.ts';
import { setupBackend, signUpWithPasskey } from './testHelpers.ts';

const NOBODY = { Authorization: '' };
const FLOWS = [
  { send: '/auth/recover/user/code', show: '/mock/recovery-codes', field: 'verificationCode' },
  { send: '/auth/login/code', show: '/mock/login-codes', field: 'loginCode' },
] as const;

describe.each(FLOWS)('POST $send, asked again', ({ send, show, field }) => {
  function setup() {
    const clock = { time: Date.parse('2026-11-30T12:00:00Z') };
    const mails: string[] = [];
    const { call } = setupBackend({
      now: () => clock.time,
      onVerificationCode: (mail) => mails.push(mail.verificationCode),
      onLoginCode: (mail) => mails.push(mail.loginCode),
    });
    const ask = (username = 'rae@example.com') => call('POST', send, { username, orgId: DEFAULT_ORG_ID }, NOBODY);
    const shown = async () => (await call('GET', `${show}?username=rae%40example.com`)).body[field] as string;
    return { clock, mails, call, ask, shown };
  }

  it('should keep the live code within its first minute: no new code, the same answer', async () => {
    const { clock, mails, call, ask, shown } = setup();
    await signUpWithPasskey(call, 'rae@example.com');
    expect((await ask()).body).toEqual({ message: 'success' });
    const first = await shown();
    for (let second = 1; second < RESEND_AFTER_MS / 1000; second += 7) {
      clock.time += 7_000;
      if (clock.time - Date.parse('2026-11-30T12:00:00Z') >= RESEND_AFTER_MS) break;
      const again = await ask();
      expect(again).toMatchObject({ status: 200, body: { message: 'success' } });
    }
    expect(new Set(mails)).toEqual(new Set([first]));
    expect(await shown()).toBe(first);
  });

  it(`should make a new code a minute later, at most ${LIVE_CODES_PER_USER} live, then mail nothing new, answering as ever`, async () => {
    const { clock, mails, call, ask, shown } = setup();
    await signUpWithPasskey(call, 'rae@example.com');
    for (let code = 0; code < LIVE_CODES_PER_USER; code++) {
      expect((await ask()).status).toBe(200);
      clock.time += RESEND_AFTER_MS;
    }
    expect(new Set(mails).size).toBe(LIVE_CODES_PER_USER);
    const newest = await shown();
    // Past the limit: the answer an unknown username gets, so it tells no one the account exists.
    const limited = await ask();
    const nobody = await ask('nobody@example.com');
    expect(limited).toMatchObject({ status: 200, body: { message: 'success' } });
    expect(limited.body).toEqual(nobody.body);
    expect(limited.headers.get('Retry-After')).toBeNull();
    expect(new Set(mails).size).toBe(LIVE_CODES_PER_USER);
    expect(await shown()).toBe(newest);
    // The oldest code works 15 minutes: once it expired, a new one is mailed.
    clock.time += 15 * 60_000;
    expect((await ask()).status).toBe(200);
    expect(new Set(mails).size).toBe(LIVE_CODES_PER_USER + 1);
  });
});
