import { describe, expect, it } from 'vitest';
import { formatMail } from './formatMail.ts';

describe('formatMail', () => {
  it('should print the code, for whom, until when, and the route that reads it back (username encoded)', () => {
    expect(
      formatMail({
        what: 'login code',
        username: 'ada+1@example.com',
        code: '1234-5678-9012-3456',
        expiresAt: '2026-12-01T10:00:00.000Z',
        route: '/mock/login-codes',
      }),
    ).toBe(
      'login code for ada+1@example.com: 1234-5678-9012-3456 (single-use, valid until 2026-12-01T10:00:00.000Z; also GET /mock/login-codes?username=ada%2B1%40example.com)',
    );
  });
});
