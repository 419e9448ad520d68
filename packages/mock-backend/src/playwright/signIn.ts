import type { Page } from '@playwright/test';
import { DEFAULT_ORG_ID } from '../config.ts';
import { callFromPage, getInPage, type SigningChallenge } from './webAuthnInPage.ts';

/** Who {@link signIn} signs in. */
export interface SignInOptions {
  /** Without it, a discoverable login: the passkey the authenticator picks names its user. */
  username?: string;
  /** @defaultValue the mock's default, `DEFAULT_ORG_ID` */
  orgId?: string;
}

/**
 * Signs in with a passkey from the page's authenticator, without your app's UI: `POST /auth/login/init`,
 * `navigator.credentials.get`, `POST /auth/login`. The user's bearer token.
 */
export async function signIn(page: Page, mockUrl: string, options: SignInOptions = {}): Promise<string> {
  const challenge = await callFromPage<SigningChallenge & { challengeIdentifier: string }>(
    page,
    `${mockUrl}/auth/login/init`,
    {
      body: {
        orgId: options.orgId ?? DEFAULT_ORG_ID,
        ...(options.username !== undefined && { username: options.username }),
      },
    },
  );
  const credentialAssertion = await getInPage(page, challenge);
  const { token } = await callFromPage<{ token: string }>(page, `${mockUrl}/auth/login`, {
    body: { challengeIdentifier: challenge.challengeIdentifier, firstFactor: { kind: 'Fido2', credentialAssertion } },
  });
  return token;
}
