import type { Page } from '@playwright/test';
import { callFromPage, getInPage, type SigningChallenge } from './webAuthnInPage.ts';

/** Whose credential {@link deactivateCredential} deactivates, and which. */
export interface DeactivateCredentialOptions {
  /** The user's bearer token. */
  token: string;
  /** base64url: the credential's id, as the mock lists it (or as `VirtualAuthenticator.credentials()` gives it). */
  credentialId: string;
}

/**
 * Deactivates one of the user's credentials, without your app's UI: `PUT /auth/credentials/deactivate`,
 * with a user action signed by a passkey on the page's authenticator (the mock asks for one unless its
 * `userActionSigning` is `off`). The mock refuses to deactivate the last credential that can sign.
 */
export async function deactivateCredential(
  page: Page,
  mockUrl: string,
  { token, credentialId }: DeactivateCredentialOptions,
): Promise<void> {
  const { items } = await callFromPage<{ items: { credentialId: string; credentialUuid: string }[] }>(
    page,
    `${mockUrl}/auth/credentials`,
    { token },
  );
  const credential = items.find((item) => item.credentialId === credentialId);
  if (!credential) throw new Error(`the user has no credential ${credentialId} (they have ${items.length})`);
  const path = '/auth/credentials/deactivate';
  const body = JSON.stringify({ credentialUuid: credential.credentialUuid });
  const userAction = await signUserAction(page, mockUrl, token, { method: 'PUT', path, body });
  await callFromPage(page, `${mockUrl}${path}`, { method: 'PUT', token, body, userAction });
}

/**
 * The Dfns user-action round for one request, signed with a passkey on the page's authenticator:
 * `POST /auth/action/init`, `navigator.credentials.get`, `POST /auth/action`. The `X-DFNS-USERACTION` token.
 */
export async function signUserAction(
  page: Page,
  mockUrl: string,
  token: string,
  request: { method: string; path: string; body: string },
): Promise<string> {
  const challenge = await callFromPage<SigningChallenge & { challengeIdentifier: string }>(
    page,
    `${mockUrl}/auth/action/init`,
    {
      token,
      body: {
        userActionPayload: request.body,
        userActionHttpMethod: request.method,
        userActionHttpPath: request.path,
        userActionServerKind: 'Api',
      },
    },
  );
  const credentialAssertion = await getInPage(page, challenge);
  const { userAction } = await callFromPage<{ userAction: string }>(page, `${mockUrl}/auth/action`, {
    token,
    body: { challengeIdentifier: challenge.challengeIdentifier, firstFactor: { kind: 'Fido2', credentialAssertion } },
  });
  return userAction;
}
