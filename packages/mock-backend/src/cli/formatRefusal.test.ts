import { describe, expect, it } from 'vitest';
import { resolveMockOptions } from '../config.ts';
import type { MockRefusal } from '../mockRefusal.ts';
import { formatRefusal } from './formatRefusal.ts';

const defaults = resolveMockOptions();
const post = { method: 'POST', path: '/auth/credentials' } as const;

function line(refusal: MockRefusal, options = defaults) {
  const text = formatRefusal(refusal, options);
  expect(text).not.toContain('\n');
  return text;
}

describe('formatRefusal', () => {
  describe('origin', () => {
    it('should name the origin and the flag that allows it, with the RP id passkeys there need', () => {
      expect(
        line({
          method: 'OPTIONS',
          path: '/auth/credentials',
          reason: 'origin',
          origin: 'https://app.test:8443',
          check: 'cors',
        }),
      ).toBe(
        'refused OPTIONS /auth/credentials: origin https://app.test:8443 is not allowed, so the browser blocks the call; ' +
          'allow it with --origins https://app.test:8443 (MOCK_ORIGINS; a list replaces the localhost default), ' +
          'and --rp-id app.test (MOCK_RP_ID) for passkeys made there',
      );
    });

    it('should add the origin to a configured list, and leave out an RP id that already fits', () => {
      const options = resolveMockOptions({ origins: ['https://a.example.com'], rpId: 'example.com' });
      expect(line({ ...post, reason: 'origin', origin: 'https://b.example.com', check: 'clientData' }, options)).toBe(
        'refused POST /auth/credentials: clientData.origin https://b.example.com is not allowed; ' +
          'allow it with --origins https://a.example.com,https://b.example.com (MOCK_ORIGINS)',
      );
    });
  });

  it('should not suggest an IP address as RP id', () => {
    const options = resolveMockOptions({ origins: ['http://localhost:5173'] });
    expect(line({ ...post, reason: 'origin', origin: 'http://127.0.0.1:5173', check: 'cors' }, options)).toMatch(
      /--origins http:\/\/localhost:5173,http:\/\/127\.0\.0\.1:5173 \(MOCK_ORIGINS\)$/,
    );
  });

  describe('token', () => {
    it('should say what is wrong and which token the route expects', () => {
      const options = resolveMockOptions({ token: 'tok' });
      const user = (problem: 'missing' | 'malformed' | 'unknown' | 'wrongKind') =>
        line({ method: 'GET', path: '/auth/credentials', reason: 'token', problem, expected: 'user' }, options);
      const expects = 'send "Authorization: Bearer tok" (the seeded user\'s token; --token or MOCK_TOKEN sets it)';
      expect(user('missing')).toBe(
        `refused GET /auth/credentials: no Authorization header: ${expects} or a token this run issued`,
      );
      expect(user('malformed')).toContain('the Authorization header is not "Bearer <token>"');
      expect(user('unknown')).toContain('unknown, expired or ended by a logout or an account recovery');
      expect(user('wrongKind')).toContain('a registration or recovery token cannot call this route');
      const registration = line(
        { method: 'POST', path: '/auth/registration', reason: 'token', problem: 'wrongKind', expected: 'registration' },
        options,
      );
      expect(registration).toBe(
        "refused POST /auth/registration: a user's token cannot complete a sign-up: send the temporaryAuthenticationToken of " +
          'POST /auth/registration/init as "Authorization: Bearer <token>"',
      );
      const recovery = line(
        { method: 'POST', path: '/auth/recover/user', reason: 'token', problem: 'wrongKind', expected: 'recovery' },
        options,
      );
      expect(recovery).toBe(
        'refused POST /auth/recover/user: only a recovery token completes a recovery: send the temporaryAuthenticationToken of ' +
          'POST /auth/recover/user/init as "Authorization: Bearer <token>"',
      );
    });
  });

  describe('userAction', () => {
    it('should say signing is required and how to turn it off for a quick try', () => {
      for (const problem of ['missing', 'invalid'] as const) {
        expect(line({ ...post, reason: 'userAction', problem })).toMatch(
          /^refused POST \/auth\/credentials: .*X-DFNS-USERACTION.*user-action signing is required.*--user-action off \(MOCK_USER_ACTION=off\)$/,
        );
      }
    });
  });
});
