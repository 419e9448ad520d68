import type { Page } from '@playwright/test';

/** A Dfns registration challenge's WebAuthn fields (`POST /auth/registration/init`, `/auth/credentials/init`). */
export interface RegistrationChallenge {
  challenge: string;
  rp: { id: string; name: string };
  user: { id: string; name: string; displayName: string };
  pubKeyCredParams: { type: string; alg: number }[];
  authenticatorSelection?: Record<string, unknown>;
  attestation?: string;
  excludeCredentials?: { type: string; id: string }[];
}

/** A Dfns signing challenge's WebAuthn fields (`POST /auth/login/init`, `/auth/action/init`). */
export interface SigningChallenge {
  challenge: string;
  rp?: { id: string };
  userVerification?: string;
  allowCredentials: { webauthn: { type: string; id: string }[] };
}

/** A new passkey as Dfns's `credentialInfo`: base64url, unpadded. */
export interface CredentialInfo {
  credId: string;
  clientData: string;
  attestationData: string;
}

/** A passkey's signature as Dfns's `credentialAssertion`: base64url, unpadded. */
export interface CredentialAssertion {
  credId: string;
  clientData: string;
  authenticatorData: string;
  signature: string;
  userHandle?: string;
}

/** The error a Dfns call from the page ended with: its status and the server's message. */
export class MockCallError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'MockCallError';
  }
}

/** What {@link callFromPage} sends. */
export interface PageCall {
  method?: string;
  /** Sent as JSON text. */
  body?: unknown;
  /** The bearer token. */
  token?: string;
  /** The `X-DFNS-USERACTION` token. */
  userAction?: string;
}

/**
 * A call to the mock from the page, so from its origin and through its Service Worker (a mock in the page
 * answers too): the JSON answer, or a {@link MockCallError} with the server's message.
 */
export async function callFromPage<T>(page: Page, url: string, call: PageCall = {}): Promise<T> {
  const method = call.method ?? (call.body === undefined ? 'GET' : 'POST');
  const answer = await page.evaluate(
    async ({ url, method, body, token, userAction }) => {
      const headers: Record<string, string> = {};
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (token !== undefined) headers.Authorization = `Bearer ${token}`;
      if (userAction !== undefined) headers['X-DFNS-USERACTION'] = userAction;
      const response = await fetch(url, { method, headers, ...(body !== undefined && { body }) });
      return { status: response.status, text: await response.text() };
    },
    {
      url,
      method,
      body: call.body === undefined ? undefined : typeof call.body === 'string' ? call.body : JSON.stringify(call.body),
      token: call.token,
      userAction: call.userAction,
    },
  );
  const json: unknown = answer.text ? JSON.parse(answer.text) : undefined;
  if (answer.status >= 400) {
    const message = (json as { error?: { message?: unknown } } | undefined)?.error?.message;
    throw new MockCallError(
      answer.status,
      `${method} ${new URL(url).pathname}: ${answer.status} ${typeof message === 'string' ? message : answer.text}`,
    );
  }
  return json as T;
}

/**
 * `navigator.credentials.create` in the page for a Dfns registration challenge (the challenge and user
 * id as the UTF-8 of their strings, as Dfns's byte rules say), answered by the page's authenticator.
 */
export function createInPage(page: Page, challenge: RegistrationChallenge): Promise<CredentialInfo> {
  return page.evaluate(async (dfns) => {
    const utf8 = (text: string) => new TextEncoder().encode(text);
    const fromBase64url = (text: string) =>
      Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0));
    const toBase64url = (buffer: ArrayBuffer) =>
      btoa(String.fromCharCode(...new Uint8Array(buffer)))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '');
    const credential = (await navigator.credentials.create({
      publicKey: {
        challenge: utf8(dfns.challenge),
        rp: dfns.rp,
        user: { ...dfns.user, id: utf8(dfns.user.id) },
        pubKeyCredParams: dfns.pubKeyCredParams as PublicKeyCredentialParameters[],
        ...(dfns.authenticatorSelection && { authenticatorSelection: dfns.authenticatorSelection }),
        ...(dfns.attestation && { attestation: dfns.attestation as AttestationConveyancePreference }),
        excludeCredentials: (dfns.excludeCredentials ?? []).map(({ id }) => ({
          type: 'public-key' as const,
          id: fromBase64url(id),
        })),
      },
    })) as PublicKeyCredential;
    const response = credential.response as AuthenticatorAttestationResponse;
    return {
      credId: toBase64url(credential.rawId),
      clientData: toBase64url(response.clientDataJSON),
      attestationData: toBase64url(response.attestationObject),
    };
  }, challenge);
}

/** `navigator.credentials.get` in the page for a Dfns signing challenge, answered by the page's authenticator. */
export function getInPage(page: Page, challenge: SigningChallenge): Promise<CredentialAssertion> {
  return page.evaluate(async (dfns) => {
    const fromBase64url = (text: string) =>
      Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0));
    const toBase64url = (buffer: ArrayBuffer) =>
      btoa(String.fromCharCode(...new Uint8Array(buffer)))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '');
    const credential = (await navigator.credentials.get({
      publicKey: {
        challenge: new TextEncoder().encode(dfns.challenge),
        ...(dfns.rp && { rpId: dfns.rp.id }),
        userVerification: (dfns.userVerification ?? 'required') as UserVerificationRequirement,
        allowCredentials: dfns.allowCredentials.webauthn.map(({ id }) => ({
          type: 'public-key' as const,
          id: fromBase64url(id),
        })),
      },
    })) as PublicKeyCredential;
    const response = credential.response as AuthenticatorAssertionResponse;
    return {
      credId: toBase64url(credential.rawId),
      clientData: toBase64url(response.clientDataJSON),
      authenticatorData: toBase64url(response.authenticatorData),
      signature: toBase64url(response.signature),
      ...(response.userHandle && { userHandle: toBase64url(response.userHandle) }),
    };
  }, challenge);
}
