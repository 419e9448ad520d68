import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { DEFAULT_ORG_ID } from '../config.ts';
import { callFromPage, createInPage, type RegistrationChallenge } from './webAuthnInPage.ts';

/** Who {@link signUp} signs up. */
export interface SignUpOptions {
  /** @defaultValue a new `user-<random>@example.com` */
  username?: string;
  /** The mock's `orgId` option. @defaultValue the mock's default, `DEFAULT_ORG_ID` */
  orgId?: string;
  /** The mock's `registrationCode` option, when it sets one. @defaultValue "any" */
  registrationCode?: string;
}

/** A user {@link signUp} made, signed in. */
export interface MockUser {
  username: string;
  userId: string;
  /** The organisation the user joined. */
  orgId: string;
  /** The user's bearer token (`EndUser`): what your app holds once signed in. */
  token: string;
  /** base64url: the first passkey's id, as the mock lists it. */
  credentialId: string;
}

/**
 * Signs a new user up with the mock, from the page (its origin, its authenticator), without your app's
 * UI: `POST /auth/registration/init`, a passkey made by the page's virtual authenticator, then
 * `POST /auth/registration/enduser`. The passkey stays on the authenticator, so the user can sign in
 * and sign user actions with it. The page must be open on an origin the mock allows.
 */
export async function signUp(page: Page, mockUrl: string, options: SignUpOptions = {}): Promise<MockUser> {
  const username = options.username ?? `user-${randomUUID().slice(0, 8)}@example.com`;
  const orgId = options.orgId ?? DEFAULT_ORG_ID;
  const challenge = await callFromPage<RegistrationChallenge & { temporaryAuthenticationToken: string }>(
    page,
    `${mockUrl}/auth/registration/init`,
    {
      body: {
        orgId,
        username,
        registrationCode: options.registrationCode ?? 'any',
      },
    },
  );
  const credentialInfo = await createInPage(page, challenge);
  const done = await callFromPage<{ user: { id: string }; authentication: { token: string } }>(
    page,
    `${mockUrl}/auth/registration/enduser`,
    {
      token: challenge.temporaryAuthenticationToken,
      body: {
        firstFactorCredential: { credentialKind: 'Fido2', credentialInfo, credentialName: 'First passkey' },
        wallets: [],
      },
    },
  );
  return {
    username,
    userId: done.user.id,
    orgId,
    token: done.authentication.token,
    credentialId: credentialInfo.credId,
  };
}
