// Issue 27: "state is bounded by what is live" measured as memory, not only as counts. Past each cap
// entries give way early; what they leave behind (places in expiry queues, per-client queues) must go
// with them, or a flood grows the heap by every request within a challenge lifetime (the outside
// probe saw 98 → 577 MiB in two minutes). Each flood here fills its cap, then runs four times as long
// again: the heap after must be about the heap before.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { DEFAULT_ORG_ID, resolveMockOptions } from './config.ts';
import { createContext } from './context.ts';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** The heap in use once garbage is collected, in MiB. */
function heapMiB(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

const CAP = 500;
/** Requests past the cap: before the fix each left 700 to 1,500 bytes behind, 14 to 29 MiB in all. */
const FLOOD = 4 * 10 * CAP;
/** What the heap may move by between two measurements of the same state. */
const NOISE_MIB = 3;

function setup() {
  const ctx = createContext(
    resolveMockOptions({
      maxPendingLogins: CAP,
      maxPendingRegistrations: CAP,
      maxChallengesPerCredentialCode: CAP,
      maxCredentialChallengesPerUser: CAP,
      maxTokensPerUser: CAP,
      maxTokens: CAP,
      clientOf: (request) => request.headers.get('X-Client') ?? undefined,
    }),
  );
  const app = createApp(ctx);
  const post = async (path: string, body: object, headers: Record<string, string> = {}) => {
    const response = await app.fetch(
      new Request(`http://mock.test${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
    );
    await response.arrayBuffer();
    return response.status;
  };
  return { ctx, post };
}

/** Runs `request` past the cap, then four times as long: the heap's growth over the last four, in MiB. */
async function growthOver(request: (index: number) => Promise<number>): Promise<number> {
  let index = 0;
  for (; index < FLOOD / 4; index++) expect(await request(index)).toBe(200);
  const before = heapMiB();
  for (; index < FLOOD + FLOOD / 4; index++) expect(await request(index)).toBe(200);
  return heapMiB() - before;
}

describe('the heap under a flood past each cap', { timeout: 240_000 }, () => {
  it('should stay flat under logins begun from many clients (maxPendingLogins)', async () => {
    const { post } = setup();
    const growth = await growthOver((index) =>
      post('/auth/login/init', { orgId: DEFAULT_ORG_ID }, { 'X-Client': `client-${index}` }),
    );
    expect(growth).toBeLessThan(NOISE_MIB);
  });

  it('should stay flat under sign-ups begun from many clients (maxPendingRegistrations)', async () => {
    const { post } = setup();
    const growth = await growthOver((index) =>
      post(
        '/auth/registration/init',
        { orgId: DEFAULT_ORG_ID, username: `flood-${index}@example.com`, registrationCode: 'any' },
        { 'X-Client': `client-${index}` },
      ),
    );
    expect(growth).toBeLessThan(NOISE_MIB);
  });

  it('should stay flat under challenges of one credential code (maxChallengesPerCredentialCode)', async () => {
    const { ctx, post } = setup();
    const { code } = ctx.credentialCodes.issue(ctx.store.demoUser.userId, ctx.options.now() + 3_600_000);
    const growth = await growthOver(() => post('/auth/credentials/code/init', { code, credentialKind: 'Fido2' }));
    expect(growth).toBeLessThan(NOISE_MIB);
  });

  it("should stay flat under one user's /auth/credentials/init (maxCredentialChallengesPerUser)", async () => {
    const { ctx, post } = setup();
    const auth = { Authorization: `Bearer ${ctx.options.token}` };
    const growth = await growthOver(() => post('/auth/credentials/init', { kind: 'Fido2' }, auth));
    expect(growth).toBeLessThan(NOISE_MIB);
  });

  it('should stay flat under tokens minted for one user and for many (maxTokensPerUser, maxTokens)', async () => {
    const { ctx } = setup();
    const mint = async (userId: string) => {
      await ctx.tokens.mint({
        kind: 'EndUser',
        userId,
        orgId: DEFAULT_ORG_ID,
        expiresAt: ctx.options.now() + 86_400_000,
      });
      return 200;
    };
    expect(await growthOver(() => mint(ctx.store.demoUser.userId))).toBeLessThan(NOISE_MIB);
    expect(await growthOver((index) => mint(`us-flood-${index}`))).toBeLessThan(NOISE_MIB);
  });
});
