import { fromBase64url, isArrayBuffer, toBase64url } from '../encoding/base64url.ts';
import { abortError } from '../errors/abortError.ts';
import { CredkitError } from '../errors/credkitError.ts';
import { authenticatorAttachmentOf } from './authenticatorAttachmentOf.ts';
import { identifyNotAllowedError } from './identifyNotAllowedError.ts';
import type { PasskeyAssertion, PasskeyCeremony } from './passkeyCeremony.ts';
import { browserCredentials } from './webAuthnSupport.ts';

/** The part of `navigator.credentials` a sign-in or a user-action signature uses; inject one in tests. */
export interface CredentialGetter {
  get(options: CredentialRequestOptions): Promise<Credential | null>;
}

interface AssertionLike {
  rawId: ArrayBuffer;
  response: {
    clientDataJSON: ArrayBuffer;
    authenticatorData: ArrayBuffer;
    signature: ArrayBuffer;
    userHandle?: ArrayBuffer | null;
  };
}

function isAssertion(value: unknown): value is AssertionLike {
  const candidate = value as Partial<AssertionLike> | null;
  return (
    isArrayBuffer(candidate?.rawId) &&
    isArrayBuffer(candidate?.response?.clientDataJSON) &&
    isArrayBuffer(candidate?.response?.authenticatorData) &&
    isArrayBuffer(candidate?.response?.signature)
  );
}

/** What a `get()` failure means: the few names it can throw (a prompt, not a new credential). */
function identifyGetError(error: unknown, timeout: number | undefined, elapsedMs: number, signal: AbortSignal) {
  const phase = 'signing';
  if (signal.aborted) return abortError(signal, phase, error);
  const name = error instanceof Error || error instanceof DOMException ? error.name : undefined;
  if (name === 'AbortError') return new CredkitError('aborted', { phase, cause: error });
  if (name === 'OperationError') return new CredkitError('busy', { phase, cause: error });
  if (name === 'SecurityError') return new CredkitError('security', { phase, cause: error });
  if (name === 'NotAllowedError') {
    return identifyNotAllowedError(timeout, elapsedMs) === 'timed-out'
      ? new CredkitError('timed-out', { phase, cause: error, message: 'Confirming with your passkey timed out.' })
      : new CredkitError('cancelled', {
          phase,
          cause: error,
          message: 'Confirming with an existing passkey was cancelled or did not succeed. Nothing was changed.',
        });
  }
  return new CredkitError('unknown', { phase, cause: error });
}

/** The request options' JSON → options for `navigator.credentials.get` (the two binary members become bytes). */
function requestOptionsFromJSON(json: PublicKeyCredentialRequestOptionsJSON): PublicKeyCredentialRequestOptions {
  return {
    ...json,
    challenge: fromBase64url(json.challenge),
    allowCredentials: json.allowCredentials?.map((descriptor) => ({
      ...descriptor,
      id: fromBase64url(descriptor.id),
      transports: descriptor.transports as AuthenticatorTransport[] | undefined,
    })),
  } as PublicKeyCredentialRequestOptions;
}

function toPasskeyAssertion(credential: unknown): PasskeyAssertion {
  if (!isAssertion(credential)) {
    throw new CredkitError('unknown', { phase: 'signing', message: 'The browser returned no usable assertion.' });
  }
  const { response } = credential;
  const authenticatorAttachment = authenticatorAttachmentOf(credential);
  return {
    credId: toBase64url(credential.rawId),
    clientData: toBase64url(response.clientDataJSON),
    authenticatorData: toBase64url(response.authenticatorData),
    signature: toBase64url(response.signature),
    ...(isArrayBuffer(response.userHandle) && { userHandle: toBase64url(response.userHandle) }),
    ...(authenticatorAttachment && { authenticatorAttachment }),
  };
}

/** credkit's own `get()`: on `navigator.credentials` (or the `credentials` given, in tests). */
export async function browserGet(
  { optionsJSON, signal, mediation }: Parameters<PasskeyCeremony['get']>[0],
  credentials: CredentialGetter = browserCredentials('signing'),
): Promise<PasskeyAssertion> {
  const startedAt = performance.now();
  const credential = await credentials
    .get({ publicKey: requestOptionsFromJSON(optionsJSON), signal, ...(mediation && { mediation }) })
    .catch((error: unknown) => {
      throw identifyGetError(error, optionsJSON.timeout, performance.now() - startedAt, signal);
    });
  return toPasskeyAssertion(credential);
}
