// Issue 27: the caps of what a request without a token begins (logins, sign-ups) must not be a
// lockout. A flood from one client meets that client's cap (a 429 with Retry-After) and touches no one
// else; a flood from many clients meets the overall cap, where the oldest gives way, so a person's new
// login or sign-up always starts.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ORG_ID, type MockBackendOptions } from './config.ts';
import { createMockBackend, type MockServer } from './createMockBackend.ts';
import {
  beginSignUp,
  type Call,
  expectDfnsError,
  ORIGIN,
  type PasskeyUser,
  passkeyFactor,
  registrationInit,
  setupBackend,
  signUpWithPasskey,
} from './testHelpers.ts';

const START = Date.parse('2026-01-01T00:00:00Z');
const FLOOD = 2000;

/** A mock whose clients are named by an `X-Client` header, on a clock the test moves. */
function setup(options: MockBackendOptions) {
  const clock = { time: START };
  const { call } = setupBackend({
    now: () => clock.time,
    clientOf: (request) => request.headers.get('X-Client') ?? undefined,
    ...options,
  });
  return { clock, call };
}

/** `POST /auth/login/init` without a token, from `client`. */
function loginInit(call: Call, client: string, body: Record<string, unknown> = {}) {
  return call(
    'POST',
    '/auth/login/init',
    { orgId: DEFAULT_ORG_ID, ...body },
    { Authorization: '', 'X-Client': client },
  );
}

/** Completes a login begun by `init` with the user's passkey. */
async function completeLogin(
  call: Call,
  user: PasskeyUser,
  init: { body: { challenge: string; challengeIdentifier: string } },
) {
  const firstFactor = await passkeyFactor(user.authenticator, init.body.challenge);
  return call(
    'POST',
    '/auth/login',
    { challengeIdentifier: init.body.challengeIdentifier, firstFactor },
    { Authorization: '' },
  );
}

type Answer = Awaited<ReturnType<Call>>;

/**
 * One client's flood of `FLOOD` requests: it must get its cap's 3 answers of 200, then 429s only. The
 * last 429, for its message and `Retry-After`.
 */
async function floodFromOneClient(request: (index: number) => Promise<Answer>): Promise<Answer> {
  const statuses = new Map<number, number>();
  let refused: Answer | undefined;
  for (let index = 0; index < FLOOD; index++) {
    const answer = await request(index);
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    if (answer.status === 429) refused = answer;
  }
  expect(statuses).toEqual(
    new Map([
      [200, 3],
      [429, FLOOD - 3],
    ]),
  );
  return refused as Answer;
}

describe('logins under a flood', () => {
  it("should answer one client's flood with a 429 naming its cap and when to retry, and leave others' logins alone", {
    timeout: 60_000,
  }, async () => {
    const { clock, call } = setup({ maxPendingLoginsPerClient: 3, maxPendingLogins: 100 });
    const person = await signUpWithPasskey(call, 'person@example.com');
    const begunBefore = await loginInit(call, 'person', { username: person.username });
    expect(begunBefore.status).toBe(200);

    const refused = await floodFromOneClient((index) => {
      if (index === 3) clock.time += 60_000;
      return loginInit(call, 'flooder');
    });
    expectDfnsError(
      refused,
      429,
      /^Too many logins in progress from this client \(maxPendingLoginsPerClient, 3\): complete one, or try again/,
    );
    // The flooder's oldest was begun a minute before: it expires in the challenge lifetime less that.
    expect(refused.headers.get('Retry-After')).toBe('240');

    // The person's login begun before the flood completes; a new one begins and completes.
    expect((await completeLogin(call, person, begunBefore)).status).toBe(200);
    const begunAfter = await loginInit(call, 'person', { username: person.username });
    expect(begunAfter.status).toBe(200);
    expect((await completeLogin(call, person, begunAfter)).status).toBe(200);

    // Once the flooder's oldest expires, it has a place again.
    clock.time += 240_000;
    expect((await loginInit(call, 'flooder')).status).toBe(200);
  });

  it('should let the oldest give way to a flood from many clients, so a new login always starts', {
    timeout: 60_000,
  }, async () => {
    const { call } = setup({ maxPendingLogins: 50 });
    const person = await signUpWithPasskey(call, 'person@example.com');
    const begunBefore = await loginInit(call, 'person', { username: person.username });
    for (let index = 0; index < FLOOD; index++) expect((await loginInit(call, `flooder-${index}`)).status).toBe(200);

    // Older than 50 newer ones: given way, and said so as an unknown challenge (ask for a new one).
    expectDfnsError(await completeLogin(call, person, begunBefore), 400, /challengeIdentifier is unknown/);
    const begunAfter = await loginInit(call, 'person', { username: person.username });
    expect(begunAfter.status).toBe(200);
    expect((await completeLogin(call, person, begunAfter)).status).toBe(200);
  });

  it('should apply no per-client cap where the client is unknown (in process, no clientOf)', async () => {
    const { call } = setupBackend({ maxPendingLoginsPerClient: 1, maxPendingLogins: 3 });
    for (let index = 0; index < 10; index++) {
      const answer = await call('POST', '/auth/login/init', { orgId: DEFAULT_ORG_ID }, { Authorization: '' });
      expect(answer.status).toBe(200);
    }
  });
});

describe('sign-ups under a flood', () => {
  it("should answer one client's flood with a 429 and Retry-After, and let another's sign-up complete", {
    timeout: 60_000,
  }, async () => {
    const { call } = setup({ maxPendingRegistrationsPerClient: 3, maxPendingRegistrations: 100 });
    const begunBefore = await beginSignUp(call, 'person@example.com');
    const refused = await floodFromOneClient((index) =>
      call(
        'POST',
        '/auth/registration/init',
        { orgId: DEFAULT_ORG_ID, username: `flood-${index}@example.com`, registrationCode: 'any' },
        { 'X-Client': 'flooder' },
      ),
    );
    expectDfnsError(
      refused,
      429,
      /^Too many registrations in progress from this client \(maxPendingRegistrationsPerClient, 3\)/,
    );
    expect(refused.headers.get('Retry-After')).toBe('300');
    expect((await begunBefore.complete()).status).toBe(200);
    expect((await registrationInit(call, 'second@example.com')).status).toBe(200);
  });
});

describe('the per-client cap over HTTP', () => {
  const servers: MockServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  it("should name the client by the connection's address, and let a page read Retry-After", {
    timeout: 30_000,
  }, async () => {
    const server = await createMockBackend({ origins: [ORIGIN], maxPendingLoginsPerClient: 2 }).listen({
      port: 0,
      hostname: '127.0.0.1',
    });
    servers.push(server);
    const init = () =>
      fetch(`${server.url}/auth/login/init`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
        body: JSON.stringify({ orgId: DEFAULT_ORG_ID }),
      });
    expect((await init()).status).toBe(200);
    expect((await init()).status).toBe(200);
    const refused = await init();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(250);
    expect(refused.headers.get('Access-Control-Expose-Headers')).toMatch(/Retry-After/i);
  });
});
