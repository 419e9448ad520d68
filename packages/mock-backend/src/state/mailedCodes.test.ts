import { describe, expect, it } from 'vitest';
import { DfnsHttpError } from '../errors.ts';
import { createMailedCodes, LIVE_CODES_PER_USER, RESEND_AFTER_MS } from './mailedCodes.ts';

const TTL_MS = 600_000;

function setup() {
  const clock = { time: 1_000_000 };
  const codes = createMailedCodes({
    now: () => clock.time,
    ttlMs: TTL_MS,
    field: 'loginCode',
    mailedBy: 'POST /auth/login/code',
    use: 'opens one login',
  });
  /** A code the user may still be mailed (there must be room for one). */
  const issue = (userId: string) => {
    const mailed = codes.issue(userId);
    if (!mailed) throw new Error(`no room for a new code for ${userId}`);
    return mailed;
  };
  return { clock, codes, issue };
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
    const { clock, codes, issue } = setup();
    const mailed = issue('us-a');
    expect(mailed).toEqual({
      code: expect.stringMatching(/^\d{4}-\d{4}-\d{4}-\d{4}$/),
      userId: 'us-a',
      issuedAt: clock.time,
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
    const { clock, codes, issue } = setup();
    const first = issue('us-a');
    clock.time += RESEND_AFTER_MS;
    const second = issue('us-a');
    codes.spend(codes.check('us-a', first.code));
    expect(refusal(() => codes.check('us-a', first.code))).toBe(
      'loginCode was already used: a code opens one login, ask POST /auth/login/code for a new one',
    );
    expect(codes.check('us-a', second.code)).toBe(second);
  });

  it(`should mail the live code again for a minute, then keep at most ${LIVE_CODES_PER_USER} live, then mail nothing`, () => {
    const { clock, codes, issue } = setup();
    const first = issue('us-a');
    clock.time += RESEND_AFTER_MS - 1;
    for (let request = 0; request < 10_000; request++) expect(codes.issue('us-a')).toBe(first);
    clock.time += 1;
    const second = issue('us-a');
    clock.time += RESEND_AFTER_MS;
    const third = issue('us-a');
    const distinct = [first, second, third].map(({ code }) => code);
    expect(new Set(distinct).size).toBe(LIVE_CODES_PER_USER);
    clock.time += RESEND_AFTER_MS;
    // Past the limit nothing new is mailed (the route answers as ever: it tells no one who has an account).
    for (let request = 0; request < 10_000; request++) expect(codes.issue('us-a')).toBeUndefined();
    // The flood voided none of the codes the user was mailed.
    for (const code of distinct) expect(codes.check('us-a', code).code).toBe(code);
    expect(codes.size).toBe(1);
    // Spending one, or their expiry, makes room for a new code.
    codes.spend(codes.check('us-a', first.code));
    expect(distinct).not.toContain(issue('us-a').code);
    clock.time += TTL_MS + 1;
    const fresh = issue('us-a');
    expect(distinct).not.toContain(fresh.code);
    expect(codes.latest('us-a')).toBe(fresh);
  });

  it('should void every live code of a user, and only theirs', () => {
    const { codes, issue } = setup();
    const mine = issue('us-a');
    const theirs = issue('us-b');
    codes.voidUser('us-a');
    expect(refusal(() => codes.check('us-a', mine.code))).toMatch(/^loginCode is not valid/);
    expect(codes.latest('us-a')).toBeUndefined();
    expect(codes.check('us-b', theirs.code)).toBe(theirs);
  });

  it('should forget every code, live or spent, ttlMs after the newest expired', () => {
    const { clock, codes, issue } = setup();
    for (let user = 0; user < 100; user++) {
      const mailed = issue(`us-${user}`);
      if (user % 2) codes.spend(mailed);
      issue(`us-${user}`);
    }
    expect(codes.size).toBe(150);
    clock.time += 2 * TTL_MS - 1;
    expect(codes.size).toBe(150);
    clock.time += 1;
    expect(codes.size).toBe(0);
  });
});
