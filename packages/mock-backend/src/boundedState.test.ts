// Issue 17: POST /auth/registration/init needs no token, so what it leaves behind must be freed on
// expiry and capped, and a request must cost the same however many came before it.
import { describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { DEFAULT_ORG_ID, type MockBackendOptions, resolveMockOptions } from './config.ts';
import { createContext, type MockContext } from './context.ts';

const START = Date.parse('2026-01-01T00:00:00Z');

/** What the mock answers in these tests: a status and the fields they read. */
interface Answer {
  status: number;
  body: { challengeIdentifier?: string; temporaryAuthenticationToken?: string; error?: { message: string } };
}

/** A JSON `POST` to the mock in process. */
async function post(
  app: ReturnType<typeof createApp>,
  path: string,
  body: object,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await app.fetch(
    new Request(`http://mock.test${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    }),
  );
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

function setup(options: MockBackendOptions = {}) {
  const clock = { time: START };
  const ctx = createContext(resolveMockOptions({ ...options, now: () => clock.time }));
  const app = createApp(ctx);
  let index = 0;
  const initRegistration = () =>
    post(app, '/auth/registration/init', {
      orgId: DEFAULT_ORG_ID,
      username: `flood-${index++}@example.com`,
      registrationCode: 'x',
    });
  return { clock, ctx, app, initRegistration };
}

/**
 * The outside probe's loop at a cap of 3: begin (an unauthenticated init), then fail that attempt,
 * 50 times over. Were a failed attempt to free its place, the spent challenges (remembered to say
 * "already used") would pile up past the cap.
 */
async function expectLoopHeldAtCap(
  ctx: MockContext,
  begin: () => Promise<Answer>,
  fail: (begun: Answer) => Promise<Answer>,
  failedStatus: number,
) {
  const statuses: number[] = [];
  for (let round = 0; round < 50; round++) {
    const begun = await begin();
    statuses.push(begun.status);
    if (begun.status === 200) expect((await fail(begun)).status).toBe(failedStatus);
  }
  expect(statuses.filter((status) => status === 200)).toHaveLength(3);
  expect(statuses.slice(3).every((status) => status === 429)).toBe(true);
  expect(ctx.challenges.size).toBeLessThanOrEqual(3);
}

/** Everything of the mock that expires: none of it may outlive its expiry. */
function expiringState(ctx: MockContext) {
  return {
    registrations: ctx.registrations.size,
    logins: ctx.logins.size,
    challenges: ctx.challenges.size,
    tokens: ctx.tokens.size,
    recoveries: ctx.recoveries.size,
    userActions: ctx.userActions.size,
    credentialCodes: ctx.credentialCodes.size,
    recoveryCodes: ctx.recoveryCodes.size,
    loginCodes: ctx.loginCodes.size,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

describe('the mock state under a flood of POST /auth/registration/init', () => {
  it('should stay bounded, return to empty once everything expired, and cost the same per call', {
    timeout: 180_000,
  }, async () => {
    const { clock, ctx, initRegistration } = setup();
    const empty = expiringState(ctx);
    const ttlMs = ctx.options.challengeTtlMs;
    // 50 ms apart: 6,000 registrations live at a time, under the default cap, for 20,000 calls.
    const stepMs = 50;
    const calls = 20_000;
    const block = 1000;
    for (let warmUp = 0; warmUp < 500; warmUp++) await initRegistration();

    const blockMedians: number[] = [];
    let times: number[] = [];
    let mostPending = 0;
    for (let call = 0; call < calls; call++) {
      clock.time += stepMs;
      const started = performance.now();
      const { status } = await initRegistration();
      times.push(performance.now() - started);
      expect(status).toBe(200);
      if (times.length === block) {
        blockMedians.push(median(times));
        times = [];
        mostPending = Math.max(mostPending, ctx.registrations.size);
      }
    }
    expect(mostPending).toBeLessThanOrEqual(ttlMs / stepMs + 1);
    // Loose: a busy machine shifts both, a scan over what is outstanding would multiply the last.
    const first = blockMedians[0] as number;
    const last = blockMedians.at(-1) as number;
    expect(last, `median per call: first ${first.toFixed(3)} ms, last ${last.toFixed(3)} ms`).toBeLessThan(first * 3);

    // Challenges are remembered ttlMs past expiry (to say "expired"), then everything is gone.
    clock.time += 2 * ttlMs;
    expect(expiringState(ctx)).toEqual(empty);
  });

  it('should refuse init past maxPendingRegistrations with a Dfns-shaped 429, and take it again once they expire', async () => {
    const { clock, ctx, initRegistration } = setup({ maxPendingRegistrations: 3 });
    for (let call = 0; call < 3; call++) expect((await initRegistration()).status).toBe(200);

    const refused = await initRegistration();
    expect(refused.status).toBe(429);
    expect(Object.keys(refused.body)).toEqual(['error']);
    expect(refused.body.error?.message).toMatch(/^Too many registrations in progress \(3\)/);
    expect(ctx.registrations.size).toBe(3);

    clock.time += ctx.options.challengeTtlMs;
    expect((await initRegistration()).status).toBe(200);
  });
});

describe('POST /auth/login/init, which needs no token either', () => {
  const loginInit = (app: ReturnType<typeof createApp>) => post(app, '/auth/login/init', { orgId: DEFAULT_ORG_ID });

  it('should refuse init past maxPendingLogins with a Dfns-shaped 429, and take it again once they expire', async () => {
    const { clock, ctx, app } = setup({ maxPendingLogins: 3 });
    for (let call = 0; call < 3; call++) expect((await loginInit(app)).status).toBe(200);

    const refused = await loginInit(app);
    expect(refused.status).toBe(429);
    expect(Object.keys(refused.body)).toEqual(['error']);
    expect(refused.body.error?.message).toMatch(/^Too many logins in progress \(3\)/);
    expect(ctx.logins.size).toBe(3);

    clock.time += ctx.options.challengeTtlMs;
    expect((await loginInit(app)).status).toBe(200);
  });

  it('should keep a failed login in its place, so a loop of init and junk logins stays under the cap', async () => {
    const { ctx, app } = setup({ maxPendingLogins: 3 });
    // An assertion no passkey made: refused as an unknown credential.
    const junkLogin = (begun: Answer) =>
      post(app, '/auth/login', {
        challengeIdentifier: begun.body.challengeIdentifier,
        firstFactor: {
          kind: 'Fido2',
          credentialAssertion: { credId: 'AAAA', clientData: 'e30', authenticatorData: 'AA', signature: 'AA' },
        },
      });
    await expectLoopHeldAtCap(ctx, () => loginInit(app), junkLogin, 401);
  });
});

describe('POST /auth/login/code, which needs no token either', () => {
  it('should hold at most 3 codes per user however many are asked for, void none, and forget them once expired', {
    timeout: 60_000,
  }, async () => {
    const mailed: string[] = [];
    const { clock, ctx, app } = setup({ onLoginCode: (mail) => mailed.push(mail.loginCode) });
    const empty = expiringState(ctx);
    const send = (username: string) => post(app, '/auth/login/code', { username, orgId: DEFAULT_ORG_ID });
    // A request every 10 s: a new code a minute, until 3 are live, then nothing new until the oldest
    // expires; every answer is the unknown username's 200.
    const statuses = new Set<number>();
    for (let call = 0; call < 2000; call++) {
      statuses.add((await send('demo@credkit.dev')).status);
      // Unknown usernames get the same answer, and leave nothing behind.
      expect((await send(`nobody-${call}@example.com`)).status).toBe(200);
      if (call < 30) clock.time += 10_000;
    }
    expect(statuses).toEqual(new Set([200]));
    expect(new Set(mailed).size).toBe(3);
    expect(ctx.loginCodes.size).toBe(1);
    // The flood voided none of the codes mailed: the first still works.
    const demo = ctx.store.demoUser.userId;
    expect(ctx.loginCodes.check(demo, mailed[0] as string).code).toBe(mailed[0]);

    clock.time += 2 * ctx.options.loginCodeTtlMs;
    expect(expiringState(ctx)).toEqual(empty);
  });
});

describe('POST /auth/registration, a failed completion', () => {
  it('should keep its place, so a loop of init and junk completions stays under the cap', async () => {
    const { ctx, app, initRegistration } = setup({ maxPendingRegistrations: 3 });
    // An attestation no authenticator made: refused.
    const junkCompletion = (begun: Answer) =>
      post(
        app,
        '/auth/registration',
        {
          firstFactorCredential: {
            credentialKind: 'Fido2',
            credentialInfo: { credId: 'AAAA', clientData: 'e30', attestationData: 'AA' },
          },
        },
        { Authorization: `Bearer ${begun.body.temporaryAuthenticationToken}` },
      );
    await expectLoopHeldAtCap(ctx, initRegistration, junkCompletion, 400);
  });
});
