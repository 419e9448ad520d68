import { describe, expect, it } from 'vitest';
import { resolveMockOptions } from '../config.ts';
import { TESTING_SERVICE_ACCOUNT } from '../testing/testingServiceAccount.ts';
import { formatBanner } from './formatBanner.ts';

const defaults = resolveMockOptions();

describe('formatBanner', () => {
  it('should say where it listens and what it accepts', () => {
    expect(formatBanner('http://localhost:8787', defaults, { userId: 'us-1', username: 'demo@credkit.dev' })).toBe(
      [
        'credkit mock backend on http://localhost:8787',
        '  origins       http://localhost:<any port>, http://127.0.0.1:<any port>',
        '  RP id         localhost',
        '  token         demo-token, the seeded user demo@credkit.dev (us-1)',
        '  user actions  required: credential changes need an X-DFNS-USERACTION (--user-action off to skip)',
        '  sign-up       org or-credk-itmck-0000000000000000, any registration code',
        '  service acct  token testing-service-account-token, Key credential Y3JlZGtpdC10ZXN0aW5nLXNlcnZpY2UtYWNjb3VudA',
        '                (the testing one, key pair in TESTING_SERVICE_ACCOUNT of @credkit/mock-backend/testing: not secret)',
        '  mock only     GET /mock/recovery-codes and /mock/login-codes show the codes Dfns would e-mail (tests only; no Dfns route)',
        'Refused requests are logged here with a hint. --help lists the options; Ctrl-C stops.',
      ].join('\n'),
    );
  });

  it('should show configured origins, signing off and a registration code', () => {
    const options = resolveMockOptions({
      origins: ['https://a.example', 'https://b.example'],
      userActionSigning: 'off',
      registrationCode: 'abc',
    });
    const banner = formatBanner('http://localhost:1', options, undefined);
    expect(banner).toContain('  origins       https://a.example, https://b.example\n');
    expect(banner).toContain('  token         demo-token\n');
    expect(banner).toContain('  user actions  off: credential changes need no X-DFNS-USERACTION\n');
    expect(banner).toContain(', registration code "abc"\n');
  });

  it('should show a configured service account as configured', () => {
    const options = resolveMockOptions({
      serviceAccount: { ...TESTING_SERVICE_ACCOUNT, token: 'sa-token', credId: 'c2E' },
    });
    const banner = formatBanner('http://localhost:1', options, undefined);
    expect(banner).toContain(
      '  service acct  token sa-token, Key credential c2E\n' +
        '                (configured: --service-account-* or MOCK_SERVICE_ACCOUNT_*)\n',
    );
  });
});
