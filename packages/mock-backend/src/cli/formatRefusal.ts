import type { ResolvedMockOptions } from '../config.ts';
import type { MockRefusal } from '../mockRefusal.ts';

const TOKEN_PROBLEM = {
  missing: 'no Authorization header',
  malformed: 'the Authorization header is not "Bearer <token>"',
  unknown:
    'the bearer token is unknown, expired or ended by a logout or an account recovery (tokens die with the process; a restart brings the seeded one back)',
  wrongKind: 'the bearer token is of the wrong kind',
} as const;

const USER_ACTION_PROBLEM = {
  missing: 'no X-DFNS-USERACTION header',
  invalid:
    "the X-DFNS-USERACTION is not valid for this call (spent, expired, another user's, or signed for another body)",
} as const;

/** The `--rp-id` passkeys made on `origin` need, when the configured one is neither its host nor a parent of it. */
function rpIdHint(origin: string, rpId: string): string {
  let host: string;
  try {
    host = new URL(origin).hostname;
  } catch {
    return '';
  }
  // An IP address can be no RP id: passkeys need a host name there, whatever the mock says.
  const ip = /^[\d.]+$/.test(host) || host.startsWith('[');
  return ip || host === rpId || host.endsWith(`.${rpId}`)
    ? ''
    : `, and --rp-id ${host} (MOCK_RP_ID) for passkeys made there`;
}

function originHint(origin: string, options: ResolvedMockOptions): string {
  const origins = options.origins ? [...options.origins, origin] : [origin];
  const variable = options.origins ? 'MOCK_ORIGINS' : 'MOCK_ORIGINS; a list replaces the localhost default';
  return `allow it with --origins ${origins.join(',')} (${variable})${rpIdHint(origin, options.rpId)}`;
}

function tokenHint(refusal: MockRefusal & { reason: 'token' }, options: ResolvedMockOptions): string {
  if (refusal.expected === 'recovery') {
    const problem =
      refusal.problem === 'wrongKind' ? 'only a recovery token completes a recovery' : TOKEN_PROBLEM[refusal.problem];
    return `${problem}: send the temporaryAuthenticationToken of POST /auth/recover/user/init as "Authorization: Bearer <token>"`;
  }
  if (refusal.expected === 'registration') {
    const problem =
      refusal.problem === 'wrongKind' ? "a user's token cannot complete a sign-up" : TOKEN_PROBLEM[refusal.problem];
    return `${problem}: send the temporaryAuthenticationToken of POST /auth/registration/init as "Authorization: Bearer <token>"`;
  }
  const problem =
    refusal.problem === 'wrongKind'
      ? 'a registration or recovery token cannot call this route'
      : TOKEN_PROBLEM[refusal.problem];
  return `${problem}: send "Authorization: Bearer ${options.token}" (the seeded user's token; --token or MOCK_TOKEN sets it) or a token this run issued`;
}

/** One line saying why the mock refused a request, and what to change: for `credkit-mock`'s log. */
export function formatRefusal(refusal: MockRefusal, options: ResolvedMockOptions): string {
  const what = `refused ${refusal.method} ${refusal.path}`;
  switch (refusal.reason) {
    case 'origin':
      return refusal.check === 'cors'
        ? `${what}: origin ${refusal.origin} is not allowed, so the browser blocks the call; ${originHint(refusal.origin, options)}`
        : `${what}: clientData.origin ${refusal.origin} is not allowed; ${originHint(refusal.origin, options)}`;
    case 'token':
      return `${what}: ${tokenHint(refusal, options)}`;
    case 'userAction':
      return `${what}: ${USER_ACTION_PROBLEM[refusal.problem]}, and user-action signing is required. Sign the call (POST /auth/action/init, then /auth/action), or for a quick try restart with --user-action off (MOCK_USER_ACTION=off)`;
  }
}
