import { abortError } from '../errors/abortError.ts';
import { CredkitError, type CredkitErrorCode, isCredkitError } from '../errors/credkitError.ts';
import { serverValueInMessage } from '../errors/serverValueInMessage.ts';
import { identifyNotAllowedError } from './identifyNotAllowedError.ts';

/** What the classifier knows about the ceremony that failed. */
export interface CeremonyContext {
  /** The options the ceremony was started with. */
  publicKey: PublicKeyCredentialCreationOptions;
  /** Milliseconds between the call to `create` and its failure. */
  elapsedMs: number;
  /** The signal passed to `create`, if any. */
  signal?: AbortSignal | undefined;
}

type Verdict = readonly [CredkitErrorCode, string?] | undefined;

// What each DOMException name of `create()` means, as data. Spec steps: https://www.w3.org/TR/webauthn-3/
// (the branches follow @simplewebauthn/browser's identifyRegistrationError, which it does not export).
const VERDICTS: Record<string, (publicKey: PublicKeyCredentialCreationOptions, elapsedMs: number) => Verdict> = {
  AbortError: () => ['aborted'],
  // Chromium: "A request is already pending." Another create() or get() (not credkit's: credkit's
  // newest call aborts its older one) holds the browser's one prompt.
  OperationError: () => ['busy'],
  // §5.1.3 step 20 / §6.3.2 step 3: a credential in excludeCredentials is on this authenticator.
  InvalidStateError: () => ['already-registered'],
  // Browsers use NotAllowedError both for "dismissed" and for "timed out"; the clock tells them apart.
  NotAllowedError: ({ timeout }, elapsedMs) => [identifyNotAllowedError(timeout, elapsedMs)],
  // §6.3.2 steps 4–5: resident key or user verification required but not available.
  ConstraintError: ({ authenticatorSelection: selection }) => [
    'constraint',
    selection?.requireResidentKey || selection?.residentKey === 'required'
      ? 'This authenticator cannot store a discoverable passkey, which this account requires.'
      : selection?.userVerification === 'required'
        ? 'This authenticator cannot verify you (no PIN or biometrics), which this account requires.'
        : undefined,
  ],
  // §5.1.3 step 10: no entry of type "public-key"; §6.3.2 step 2: none of the algorithms is supported.
  NotSupportedError: ({ pubKeyCredParams }) =>
    pubKeyCredParams.some((param) => param.type === 'public-key')
      ? ['unsupported-algorithm']
      : [
          'invalid-challenge',
          'The server sent a registration challenge whose pubKeyCredParams has no "public-key" entry.',
        ],
  // §5.1.3 steps 7–8: the RP id is not a registrable suffix of the origin, or the context is insecure.
  SecurityError: ({ rp }) => [
    'security',
    rp.id !== undefined && typeof location !== 'undefined'
      ? `The passkey request is for ${serverValueInMessage(rp.id)}, which this page (${location.hostname}) may not use: the relying party id must be the page's domain or a parent of it, on a secure origin.`
      : undefined,
  ],
  // §5.1.3 step 5: user.id must be 1 to 64 bytes.
  TypeError: ({ user }) => {
    const idLength = (user.id as ArrayBufferView | ArrayBuffer).byteLength;
    return idLength < 1 || idLength > 64
      ? [
          'invalid-challenge',
          `The server sent a registration challenge whose user.id is ${idLength} bytes (1 to 64 allowed).`,
        ]
      : undefined;
  },
};

/**
 * An error thrown by `navigator.credentials.create` → a {@link CredkitError}.
 * The DOMException stays in `cause`. Spec: https://www.w3.org/TR/webauthn-3/#sctn-createCredential
 */
export function identifyCeremonyError(error: unknown, { publicKey, elapsedMs, signal }: CeremonyContext): CredkitError {
  const phase = 'ceremony';
  if (signal?.aborted) return abortError(signal, phase, error);
  if (isCredkitError(error)) {
    error.phase ??= phase;
    return error;
  }
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const [code, message] = (Object.hasOwn(VERDICTS, name) && VERDICTS[name]?.(publicKey, elapsedMs)) || [
    'unknown',
    `Something went wrong while creating the passkey${name && ` (${name})`}.`,
  ];
  return new CredkitError(code, { phase, cause: error, message });
}
