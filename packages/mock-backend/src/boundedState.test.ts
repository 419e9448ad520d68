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
 * 50 times over. Every init is answered; a failed attempt keeps its place until it gives way, and what
 * gives way takes its challenge with it, spent or not: nothing piles up past the cap.
 */
async function expectLoopHeldAtCap(
  ctx: MockContext,
  begin: () => Promise<Answer>,
  fail: (begun: Answer) => Promise<Answer>,
  failedStatus: number,
) {
  const tokensBefore = ctx.tokens.size;
  for (let round = 0; round < 50; round++) {
    const begun = await begin();
    expect(begun.status).toBe(200);
    expect((await fail(begun)).status).toBe(failedStatus);
  }
  expect(ctx.challenges.size).toBeLessThanOrEqual(3);
  expect(ctx.tokens.size - tokensBefore).toBeLessThanOrEqual(3);
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

  it('should let the oldest registration in progress give way past maxPendingRegistrations, its token with it', async () => {
    const { ctx, initRegistration } = setup({ maxPendingRegistrations: 3 });
    const tokensBefore = ctx.tokens.size;
    const begun: Answer[] = [];
    for (let call = 0; call < 5; call++) begun.push(await initRegistration());
    expect(begun.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(ctx.registrations.size).toBe(3);
    expect(ctx.challenges.size).toBe(3);
    expect(ctx.tokens.size - tokensBefore).toBe(3);
    const heldBy = (answer: Answer) => ctx.tokens.grantOf(answer.body.temporaryAuthenticationToken as string);
    expect(begun.map((answer) => heldBy(answer) !== undefined)).toEqual([false, false, true, true, true]);
  });
});

describe('POST /auth/login/init, which needs no token either', () => {
  const loginInit = (app: ReturnType<typeof createApp>) => post(app, '/auth/login/init', { orgId: DEFAULT_ORG_ID });

  it('should let the oldest login in progress give way past maxPendingLogins: its challenge is then unknown', async () => {
    const { ctx, app } = setup({ maxPendingLogins: 3 });
    const begun: Answer[] = [];
    for (let call = 0; call < 5; call++) begun.push(await loginInit(app));
    expect(begun.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(ctx.logins.size).toBe(3);
    expect(ctx.challenges.size).toBe(3);
    const known = (answer: Answer) => ctx.logins.get(answer.body.challengeIdentifier as string) !== undefined;
    expect(begun.map(known)).toEqual([false, false, true, true, true]);
  });

  it('should keep a failed login in its place until it gives way, so a loop of init and junk logins stays under the cap', async () => {
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
  it('should keep its place until it gives way, so a loop of init and junk completions stays under the cap', async () => {
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

// Issue 27: state a caller grows with no cap outside the capped routes. Past a per-user (or per-code)
// cap the oldest entry of that same user or code gives way: a flood costs only the flooder's own.
describe('per-user and per-code caps', () => {
  /** A JSON request to the mock in process, as `token`'s holder (none when undefined). */
  async function call(app: ReturnType<typeof createApp>, method: string, path: string, token?: string, body?: object) {
    const response = await app.fetch(
      new Request(`http://mock.test${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', ...(token && { Authorization: `Bearer ${token}` }) },
        body: body && JSON.stringify(body),
      }),
    );
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  }
  /** Whether the challenge is still held: consumed if so. */
  const usable = (ctx: MockContext, challengeIdentifier: string) => {
    try {
      ctx.challenges.consume(challengeIdentifier, null);
      return true;
    } catch {
      return false;
    }
  };
  const FLOOD = 3000;

  it('should keep at most maxChallengesPerCredentialCode challenges per code, the oldest giving way', {
    timeout: 60_000,
  }, async () => {
    const { clock, ctx, app } = setup({ maxChallengesPerCredentialCode: 5 });
    const demo = ctx.store.demoUser.userId;
    const flooded = ctx.credentialCodes.issue(demo, START + 3_600_000).code;
    const other = ctx.credentialCodes.issue(demo, START + 3_600_000).code;
    const codeInit = (code: string) =>
      call(app, 'POST', '/auth/credentials/code/init', undefined, { code, credentialKind: 'Fido2' });
    const others = [];
    for (let index = 0; index < 3; index++) others.push((await codeInit(other)).body.challengeIdentifier as string);
    const ids: string[] = [];
    for (let index = 0; index < FLOOD; index++) {
      clock.time += 10;
      const answer = await codeInit(flooded);
      expect(answer.status).toBe(200);
      ids.push(answer.body.challengeIdentifier as string);
    }
    expect(ctx.challenges.size).toBe(5 + 3);
    expect(usable(ctx, ids[0] as string)).toBe(false);
    expect(usable(ctx, ids.at(-6) as string)).toBe(false);
    for (const id of ids.slice(-5)) expect(usable(ctx, id)).toBe(true);
    for (const id of others) expect(usable(ctx, id)).toBe(true);
  });

  it('should keep at most maxCredentialChallengesPerUser challenges of /auth/credentials/init per user', {
    timeout: 60_000,
  }, async () => {
    const { clock, ctx, app } = setup({ maxCredentialChallengesPerUser: 5 });
    const credentialInit = (token: string) => call(app, 'POST', '/auth/credentials/init', token, { kind: 'Fido2' });
    // Another user's challenge of the same route, issued before the flood.
    const otherIssued = ctx.challenges.issue({ userId: 'someone-else', kind: 'Fido2', userVerification: 'required' });
    const ids: string[] = [];
    for (let index = 0; index < FLOOD; index++) {
      clock.time += 10;
      const answer = await credentialInit(ctx.options.token);
      expect(answer.status).toBe(200);
      ids.push(answer.body.challengeIdentifier as string);
    }
    expect(ctx.challenges.size).toBe(5 + 1);
    expect(usable(ctx, ids[0] as string)).toBe(false);
    expect(usable(ctx, ids.at(-6) as string)).toBe(false);
    for (const id of ids.slice(-5)) expect(usable(ctx, id)).toBe(true);
    expect(usable(ctx, otherIssued.challengeIdentifier)).toBe(true);
  });

  it('should keep at most maxTokens tokens in all, the oldest anyone holds answering 401', {
    timeout: 60_000,
  }, async () => {
    const { clock, ctx, app } = setup({ maxTokens: 5 });
    const before = ctx.tokens.size;
    const tokens: string[] = [];
    // The per-user cap (100) is far above: the overall one bites, as under many self-made accounts.
    for (let index = 0; index < FLOOD; index++) {
      clock.time += 10;
      tokens.push(
        await ctx.tokens.mint({
          kind: 'EndUser',
          userId: ctx.store.demoUser.userId,
          orgId: DEFAULT_ORG_ID,
          expiresAt: clock.time + 24 * 3_600_000,
        }),
      );
    }
    expect(ctx.tokens.size).toBe(before + 5);
    const me = async (token: string) => (await call(app, 'GET', '/auth/users/me', token)).status;
    expect(await me(tokens.at(-6) as string)).toBe(401);
    for (const token of tokens.slice(-5)) expect(await me(token)).toBe(200);
    // The seeded aliases are fixed: not counted, never given way.
    expect(await me(ctx.options.token)).toBe(200);
  });

  it('should keep at most maxTokensPerUser tokens per user, the oldest answering 401', {
    timeout: 60_000,
  }, async () => {
    const { clock, ctx, app } = setup({ maxTokensPerUser: 5 });
    const demo = ctx.store.demoUser.userId;
    const grant = (userId: string) => ({
      kind: 'EndUser' as const,
      userId,
      orgId: DEFAULT_ORG_ID,
      expiresAt: clock.time + 24 * 3_600_000,
    });
    // Another user's tokens, minted before the flood.
    const others: string[] = [];
    for (let index = 0; index < 5; index++) others.push(await ctx.tokens.mint(grant('victim')));
    const before = ctx.tokens.size;
    const tokens: string[] = [];
    for (let index = 0; index < FLOOD; index++) {
      clock.time += 10;
      tokens.push(await ctx.tokens.mint(grant(demo)));
    }
    // The seeded aliases (demo-token, the service account's) are fixed, not counted against the cap.
    expect(ctx.tokens.size).toBe(before + 5);
    const me = async (token: string) => (await call(app, 'GET', '/auth/users/me', token)).status;
    expect(await me(tokens[0] as string)).toBe(401);
    expect(await me(tokens.at(-6) as string)).toBe(401);
    for (const token of tokens.slice(-5)) expect(await me(token)).toBe(200);
    expect(await me(ctx.options.token)).toBe(200);
    for (const token of others) expect(ctx.tokens.grantOf(token)?.userId).toBe('victim');
  });
});
