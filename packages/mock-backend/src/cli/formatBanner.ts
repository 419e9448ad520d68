import type { ResolvedMockOptions } from '../config.ts';
import { allowedOriginsText } from '../isAllowedOrigin.ts';
import { TESTING_SERVICE_ACCOUNT } from '../testing/testingServiceAccount.ts';

/** The seeded user the token signs in, as `GET /auth/users/me` answers. */
export interface BannerUser {
  userId: string;
  username: string;
}

/** What `credkit-mock` prints once listening: where, and what it accepts, one line each. */
export function formatBanner(url: string, options: ResolvedMockOptions, user: BannerUser | undefined): string {
  const userAction =
    options.userActionSigning === 'required'
      ? 'required: credential changes need an X-DFNS-USERACTION (--user-action off to skip)'
      : 'off: credential changes need no X-DFNS-USERACTION';
  const code =
    options.registrationCode === undefined
      ? 'any registration code'
      : `registration code "${options.registrationCode}"`;
  const { serviceAccount } = options;
  const testing =
    serviceAccount.token === TESTING_SERVICE_ACCOUNT.token && serviceAccount.credId === TESTING_SERVICE_ACCOUNT.credId;
  return [
    `credkit mock backend on ${url}`,
    `  origins       ${allowedOriginsText(options.origins)}`,
    `  RP id         ${options.rpId}`,
    `  token         ${options.token}${user ? `, the seeded user ${user.username} (${user.userId})` : ''}`,
    `  user actions  ${userAction}`,
    `  sign-up       org ${options.orgId}, ${code}`,
    `  service acct  token ${serviceAccount.token}, Key credential ${serviceAccount.credId}`,
    testing
      ? '                (the testing one, key pair in TESTING_SERVICE_ACCOUNT of @credkit/mock-backend/testing: not secret)'
      : '                (configured: --service-account-* or MOCK_SERVICE_ACCOUNT_*)',
    '  mock only     GET /mock/recovery-codes and /mock/login-codes show the codes Dfns would e-mail (tests only; no Dfns route)',
    'Refused requests are logged here with a hint. --help lists the options; Ctrl-C stops.',
  ].join('\n');
}
