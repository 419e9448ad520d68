import { describe, expect, it } from 'vitest';
import { DfnsHttpError } from '../errors.ts';
import { createMailedCodes, LIVE_CODES_PER_USER } from './mailedCodes.ts';

const TTL_MS = 60_000;

function setup() {
  const clock = { time: 1_000_000 };
  const codes = createMailedCodes({
    now: () => clock.time,
    ttlMs: TTL_MS,
    field: 'loginCode',
    mailedBy: 'POST /auth/login/code',
    use: 'opens one login',
  });
  return { clock, codes };
}

/** The message of the 400 `check` throws. */
function refusal(check: () => unknown): string {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(DfnsHttpError);
    expect((error as DfnsHttpError).status).toBe(400);
    return (error as DfnsHttpError).message;
  }
  throw new Error('the code was accepted');
}

describe('createMailedCodes', () => {
  it('should issue 1234-1234-1234-1234-shaped codes, bound to their user, valid ttlMs', () => {
    const { clock, codes } = setup();
    const mailed = codes.issue('us-a');
    expect(mailed).toEqual({
      code: expect.stringMatching(/^\d{4}-\d{4}-\d{4}-\d{4}$/),
      userId: 'us-a',
      expiresAt: clock.time + TTL_MS,
    });
    expect(codes.latest('us-a')).toBe(mailed);
    expect(codes.check('us-a', mailed.code)).toBe(mailed);
    expect(refusal(() => codes.check('us-b', mailed.code))).toBe(
      'loginCode is not valid for this username: ask POST /auth/login/code for a new one',
    );
    expect(refusal(() => codes.check(undefined, mailed.code))).toMatch(/^loginCode is not valid/);
    clock.time += TTL_MS + 1;
    expect(refusal(() => codes.check('us-a', mailed.code))).toBe(
      'loginCode has expired: ask POST /auth/login/code for a new one',
    );
  });

  it('should be single-use: a spent code is "already used", the others still work', () => {
    const { codes } = setup();
    const first = codes.issue('us-a');
    const second = codes.issue('us-a');
    codes.spend(codes.check('us-a', first.code));
    expect(refusal(() => codes.check('us-a', first.code))).toBe(
      'loginCode was already used: a code opens one login, ask POST /auth/login/code for a new one',
    );
    expect(codes.check('us-a', second.code)).toBe(second);
  });

  it(`should keep at most ${LIVE_CODES_PER_USER} live codes per user, mailing the newest again past that`, () => {
    const { clock, codes } = setup();
    const mailed = Array.from({ length: 10_000 }, () => codes.issue('us-a'));
    const distinct = [...new Set(mailed.map(({ code }) => code))];
    expect(distinct).toHaveLength(LIVE_CODES_PER_USER);
    expect(mailed.slice(LIVE_CODES_PER_USER).every((entry) => entry === mailed[LIVE_CODES_PER_USER - 1])).toBe(true);
    // A flood of requests voids none of the codes the user was mailed.
    for (const code of distinct) expect(codes.check('us-a', code).code).toBe(code);
    expect(codes.size).toBe(1);
    // Spending one, or their expiry, makes room for a new code.
    codes.spend(codes.check('us-a', distinct[0] as string));
    expect(distinct).not.toContain(codes.issue('us-a').code);
    clock.time += TTL_MS + 1;
    const fresh = codes.issue('us-a');
    expect(distinct).not.toContain(fresh.code);
    expect(codes.latest('us-a')).toBe(fresh);
  });

  it('should void every live code of a user, and only theirs', () => {
    const { codes } = setup();
    const mine = codes.issue('us-a');
    const theirs = codes.issue('us-b');
    codes.voidUser('us-a');
    expect(refusal(() => codes.check('us-a', mine.code))).toMatch(/^loginCode is not valid/);
    expect(codes.latest('us-a')).toBeUndefined();
    expect(codes.check('us-b', theirs.code)).toBe(theirs);
  });

  it('should forget every code, live or spent, ttlMs after the newest expired', () => {
    const { clock, codes } = setup();
    for (let user = 0; user < 100; user++) {
      const mailed = codes.issue(`us-${user}`);
      if (user % 2) codes.spend(mailed);
      codes.issue(`us-${user}`);
    }
    expect(codes.size).toBe(150);
    clock.time += 2 * TTL_MS - 1;
    expect(codes.size).toBe(150);
    clock.time += 1;
    expect(codes.size).toBe(0);
  });
});
