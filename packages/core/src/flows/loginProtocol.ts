import { checkShape, headerToken, object } from '../dfns/shape.ts';
import { inPhase } from '../errors/inPhase.ts';
import { callFetcher } from '../http/callFetcher.ts';
import type { Fetcher } from '../http/fetcher.ts';
import type { UserActionAssertion, UserActionChallenge } from '../userAction/userAction.ts';
import { validateUserActionChallenge } from '../userAction/validateUserActionChallenge.ts';

/** A signed-in user: the token to send as `Authorization: Bearer <token>`. */
export interface LoginResult {
  token: string;
  /**
   * A passkey sign-in: where the passkey was, as the browser reports it. `platform`: this device's own
   * authenticator or password manager; `cross-platform`: a security key or a phone (hybrid), so this
   * browser may hold no passkey of the account (the "add a passkey here" nudge). Absent after other
   * sign-ins and where the browser does not say.
   */
  authenticatorAttachment?: AuthenticatorAttachment;
}

/** `POST /auth/login/init` with `body` (`CreateLoginChallengeBody`): the login challenge, validated. */
export async function fetchLoginChallenge(
  fetcher: Fetcher,
  body: { orgId: string; username?: string; loginCode?: string },
  signal: AbortSignal | undefined,
): Promise<UserActionChallenge> {
  const answer = await callFetcher(fetcher, { method: 'POST', path: '/auth/login/init', body, signal }, 'challenge');
  return inPhase('challenge', async () => validateUserActionChallenge(answer, 'login challenge'));
}

const LOGIN_ANSWER = object({ token: headerToken() });

/** `POST /auth/login` with the credential's assertion of the login challenge → the user's token. */
export async function submitLogin(
  fetcher: Fetcher,
  challengeIdentifier: string,
  firstFactor: UserActionAssertion,
  signal: AbortSignal | undefined,
): Promise<LoginResult> {
  const answer = await callFetcher(
    fetcher,
    { method: 'POST', path: '/auth/login', body: { challengeIdentifier, firstFactor }, signal },
    'submitting',
  );
  return inPhase('submitting', async () => {
    const { token } = checkShape(answer, LOGIN_ANSWER, {
      code: 'server',
      intro: 'The server sent an invalid login answer',
    });
    return { token };
  });
}
