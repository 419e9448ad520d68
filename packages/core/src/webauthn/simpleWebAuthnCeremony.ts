// credkit's ceremony on @simplewebauthn/browser: for apps that already ship it for sign-in, so the
// browser calls, their encoding and their error names are SimpleWebAuthn's, not a second copy.
import {
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON as CreationOptionsJSON,
  type RegistrationResponseJSON,
  type PublicKeyCredentialRequestOptionsJSON as RequestOptionsJSON,
  startAuthentication,
  startRegistration,
  WebAuthnAbortService,
} from '@simplewebauthn/browser';
import type { Fido2CredentialChallenge, Fido2CredentialInfo } from '../dfns/dfnsTypes.ts';
import { abortError } from '../errors/abortError.ts';
import { CredkitError, type CredkitErrorCode, type OperationRunPhase } from '../errors/credkitError.ts';
import type { UserActionSignerWithProtocol } from '../userAction/userAction.ts';
import {
  createPasskeyUserActionSigner,
  type WebAuthnUserActionSignerOptions,
} from '../userAction/webAuthnUserActionSigner.ts';
import { type CreationOptionsInput, toCreationOptionsJSON } from './creationOptions.ts';
import { type AssertionChallenge, type AssertionOptions, toRequestOptionsJSON } from './getAssertion.ts';
import { identifyNotAllowedError } from './identifyNotAllowedError.ts';
import type { Fido2Assertion, PasskeyCeremony } from './passkeyCeremony.ts';
import { isWebAuthnAvailable } from './webAuthnSupport.ts';

const BASE64URL = /^[A-Za-z0-9_-]+$/;

// TypeScript's DOM library types the JSON options' enums as plain strings, SimpleWebAuthn as unions:
// same values, hence the casts.

/**
 * A Dfns Fido2 challenge → `optionsJSON` for `startRegistration`, with the Dfns byte rules
 * (`challenge` and `user.id` are the UTF-8 bytes of their strings), for hosts that call
 * SimpleWebAuthn themselves.
 */
export function toRegistrationOptionsJSON(
  challenge: Fido2CredentialChallenge,
  input: CreationOptionsInput,
): CreationOptionsJSON {
  return toCreationOptionsJSON(challenge, input) as CreationOptionsJSON;
}

/**
 * A Dfns user-action or login challenge → `optionsJSON` for `startAuthentication` (the challenge's UTF-8
 * bytes, the `allowCredentials.webauthn` ids), for hosts that call SimpleWebAuthn themselves.
 */
export function toAuthenticationOptionsJSON(
  challenge: AssertionChallenge,
  options: AssertionOptions = {},
): RequestOptionsJSON {
  return toRequestOptionsJSON(challenge, options) as RequestOptionsJSON;
}

/** The members of a SimpleWebAuthn response credkit posts, checked: each a base64url string. */
function base64urlMembers<Name extends string>(values: Record<Name, unknown>, what: string): Record<Name, string> {
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== 'string' || !BASE64URL.test(value)) {
      throw new CredkitError('invalid-input', { message: `The ${what} has no usable ${name} (base64url expected).` });
    }
  }
  return values as Record<Name, string>;
}

/**
 * A SimpleWebAuthn `RegistrationResponseJSON` (what `startRegistration` resolves with) → the Dfns
 * Fido2 `credentialInfo`: `credId` = `rawId`, `clientData` = `response.clientDataJSON`,
 * `attestationData` = `response.attestationObject` (all base64url already). Throws `invalid-input`
 * when one is missing or not base64url.
 */
export function fromRegistrationResponse(response: RegistrationResponseJSON): Fido2CredentialInfo {
  const { credId, clientData, attestationData } = base64urlMembers(
    {
      credId: response?.rawId,
      clientData: response?.response?.clientDataJSON,
      attestationData: response?.response?.attestationObject,
    },
    'registration response',
  );
  return { credId, clientData, attestationData };
}

/**
 * A SimpleWebAuthn `AuthenticationResponseJSON` (what `startAuthentication` resolves with) → the
 * Dfns Fido2 assertion (`credentialAssertion` of a user action or a login). Throws `invalid-input`
 * when a member is missing or not base64url.
 */
export function fromAuthenticationResponse(response: AuthenticationResponseJSON): Fido2Assertion {
  const assertion = base64urlMembers(
    {
      credId: response?.rawId,
      clientData: response?.response?.clientDataJSON,
      authenticatorData: response?.response?.authenticatorData,
      signature: response?.response?.signature,
    },
    'authentication response',
  );
  const userHandle = response.response.userHandle;
  return userHandle ? { ...assertion, ...base64urlMembers({ userHandle }, 'authentication response') } : assertion;
}

// SimpleWebAuthn's `WebAuthnError.code`s → credkit's codes. `ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY`
// (a NotAllowedError) and errors SimpleWebAuthn does not name are told apart by their `name` below.
const CODES: Record<string, CredkitErrorCode> = {
  ERROR_CEREMONY_ABORTED: 'aborted',
  ERROR_INVALID_DOMAIN: 'security',
  ERROR_INVALID_RP_ID: 'security',
  ERROR_INVALID_USER_ID_LENGTH: 'invalid-challenge',
  ERROR_MALFORMED_PUBKEYCREDPARAMS: 'invalid-challenge',
  ERROR_AUTHENTICATOR_MISSING_DISCOVERABLE_CREDENTIAL_SUPPORT: 'constraint',
  ERROR_AUTHENTICATOR_MISSING_USER_VERIFICATION_SUPPORT: 'constraint',
  ERROR_AUTO_REGISTER_USER_VERIFICATION_FAILURE: 'constraint',
  ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED: 'already-registered',
  ERROR_AUTHENTICATOR_NO_SUPPORTED_PUBKEYCREDPARAMS_ALG: 'unsupported-algorithm',
};

/** What a failure of `startRegistration` / `startAuthentication` means, as a CredkitError. */
function identifySimpleWebAuthnError(
  error: unknown,
  phase: OperationRunPhase,
  timeout: number | undefined,
  elapsedMs: number,
  signal: AbortSignal,
): CredkitError {
  if (signal.aborted) return abortError(signal, phase, error);
  // SimpleWebAuthn throws a plain Error, before any call, where WebAuthn is missing.
  if (!isWebAuthnAvailable()) return new CredkitError('unsupported', { phase, cause: error });
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
  const mapped = typeof code === 'string' ? CODES[code] : undefined;
  if (mapped) return new CredkitError(mapped, { phase, cause: error });
  if (name === 'NotAllowedError')
    return new CredkitError(identifyNotAllowedError(timeout, elapsedMs), { phase, cause: error });
  if (name === 'OperationError') return new CredkitError('busy', { phase, cause: error });
  if (name === 'AbortError') return new CredkitError('aborted', { phase, cause: error });
  if (name === 'SecurityError') return new CredkitError('security', { phase, cause: error });
  return new CredkitError('unknown', { phase, cause: error });
}

/**
 * Runs a SimpleWebAuthn call so that `signal` ends it and nothing else. `startRegistration` and
 * `startAuthentication` take no signal: each makes one AbortController on `WebAuthnAbortService`,
 * synchronously, before it awaits the browser. That controller is this call's; aborting it (never
 * `cancelCeremony()`, which ends whichever call is current) leaves every other call alone.
 */
async function runOwned<T>(
  start: () => Promise<T>,
  phase: OperationRunPhase,
  timeout: number | undefined,
  signal: AbortSignal,
): Promise<T> {
  const service = WebAuthnAbortService as unknown as { controller?: AbortController };
  const before = service.controller;
  const startedAt = performance.now();
  const call = start();
  const own = service.controller !== before ? service.controller : undefined;
  const abort = () => own?.abort(signal.reason);
  signal.addEventListener('abort', abort, { once: true });
  try {
    return await call;
  } catch (error) {
    throw identifySimpleWebAuthnError(error, phase, timeout, performance.now() - startedAt, signal);
  } finally {
    signal.removeEventListener('abort', abort);
  }
}

/**
 * credkit's ceremony on `@simplewebauthn/browser` (13 or later): `startRegistration` and
 * `startAuthentication` with the options credkit built (the Dfns byte rules applied), their
 * responses mapped to the Dfns payloads, their `WebAuthnError.code`s to credkit's codes. Starting it
 * ends SimpleWebAuthn's own pending call, as SimpleWebAuthn does; cancelling it ends only itself.
 */
export const simpleWebAuthnCeremony: PasskeyCeremony = {
  async create({ optionsJSON, signal, mediation }) {
    const response = await runOwned(
      () =>
        startRegistration({
          optionsJSON: optionsJSON as CreationOptionsJSON,
          useAutoRegister: mediation === 'conditional',
        }),
      'ceremony',
      optionsJSON.timeout,
      signal,
    );
    return fromRegistrationResponse(response);
  },
  async get({ optionsJSON, signal, mediation }) {
    const response = await runOwned(
      () =>
        startAuthentication({
          optionsJSON: optionsJSON as RequestOptionsJSON,
          useBrowserAutofill: mediation === 'conditional',
        }),
      'signing',
      optionsJSON.timeout,
      signal,
    );
    // SimpleWebAuthn read the credential's getter already: 'platform', 'cross-platform' or undefined.
    const { authenticatorAttachment } = response;
    return { ...fromAuthenticationResponse(response), ...(authenticatorAttachment && { authenticatorAttachment }) };
  },
};

/** A user-action signer that confirms with one of the user's passkeys through `startAuthentication`. */
export function createSimpleWebAuthnUserActionSigner(
  options: Omit<WebAuthnUserActionSignerOptions, 'credentials'> = {},
): UserActionSignerWithProtocol {
  return createPasskeyUserActionSigner(simpleWebAuthnCeremony, options);
}
