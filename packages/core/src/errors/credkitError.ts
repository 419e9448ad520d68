import { serverMessageToShow } from './serverMessageToShow.ts';

/**
 * What went wrong, as a value a host can `switch` on.
 *
 * - `unsupported`: no WebAuthn here, or not a secure context.
 * - `cancelled`: the person dismissed the prompt (or the browser would not say more).
 * - `timed-out`: the prompt ran out of time.
 * - `already-registered`: an excluded credential is on this authenticator (a host may treat it as success).
 * - `constraint`: resident key or user verification demanded but unavailable.
 * - `unsupported-algorithm`: the authenticator supports none of the offered algorithms.
 * - `security`: the RP id does not match the page's origin.
 * - `busy`: another passkey prompt, not credkit's, is already open on this page (the browser runs one at a time).
 * - `aborted`: the host (or the component) aborted the call.
 * - `invalid-challenge`: the challenge from `POST /auth/credentials/init` is malformed, or an encrypted
 *   private key from the server cannot be used (unknown format, PBKDF2 iterations out of range).
 * - `invalid-code`: the credential code (from another device) is expired, already used or mistyped.
 * - `invalid-input`: the caller passed something unusable (e.g. an empty credential name).
 * - `wrong-password`: an encrypted private key did not open with the password or recovery code given.
 * - `login-code-required`: the user signs in with a PasswordProtectedKey, and the server hands its
 *   encrypted key out only with a valid login code (`sendLoginCode` e-mails one): none was given, or
 *   it is wrong or expired.
 * - `no-signing-credential`: the user has no existing credential this signer can confirm the change with.
 * - `forbidden`: HTTP 403, e.g. the user-action signature is missing or invalid, or the token may not do this.
 * - `server`: the server answered with an error status or an unusable body.
 * - `network`: the request never got an answer.
 * - `unknown`: anything else; see `cause`.
 */
export type CredkitErrorCode =
  | 'unsupported'
  | 'cancelled'
  | 'timed-out'
  | 'already-registered'
  | 'constraint'
  | 'unsupported-algorithm'
  | 'security'
  | 'busy'
  | 'aborted'
  | 'invalid-challenge'
  | 'invalid-code'
  | 'invalid-input'
  | 'wrong-password'
  | 'login-code-required'
  | 'no-signing-credential'
  | 'forbidden'
  | 'server'
  | 'network'
  | 'unknown';

/**
 * The step an operation is at while it runs (a registration, a sign-in, a code, a recovery): fetching
 * the challenge, the browser ceremony (or key generation), confirming with an existing credential
 * (user-action signing), or posting the result. A failure carries the step it happened in.
 */
export type OperationRunPhase = 'challenge' | 'ceremony' | 'signing' | 'submitting';

/** Default, human-readable text for each error code. Hosts may replace it (see `describeError`). */
export const defaultErrorMessages: Readonly<Record<CredkitErrorCode, string>> = {
  unsupported: 'This browser cannot create passkeys here (WebAuthn is unavailable or the page is not secure).',
  cancelled: 'The passkey prompt was closed, or verification did not succeed. Nothing was registered.',
  'timed-out': 'The passkey prompt timed out. Nothing was registered.',
  'already-registered': 'This authenticator already holds a passkey for your account.',
  constraint: 'This authenticator cannot meet the requirements (discoverable credential or user verification).',
  'unsupported-algorithm': 'This authenticator supports none of the requested signature algorithms.',
  security: 'The passkey request does not match this site (relying party id or origin).',
  busy: 'Another passkey prompt is already open on this page. Finish or close it, then try again.',
  aborted: 'The registration was stopped before it finished.',
  'invalid-challenge': 'The server sent a registration challenge that cannot be used.',
  'invalid-code': 'This code is expired, already used or mistyped. Ask for a new one on your other device.',
  'invalid-input': 'The registration request is incomplete.',
  'wrong-password': 'That password or recovery code does not open this key.',
  'login-code-required': 'This sign-in needs the code we e-mail you: send a new one, then sign in with it.',
  'no-signing-credential': 'No existing passkey of your account is available here to confirm this change.',
  forbidden: 'The server did not allow this change.',
  server: 'The server refused the request.',
  network: 'The server could not be reached. Check your connection and try again.',
  unknown: 'Something went wrong. Try again.',
};

/** Details carried by a {@link CredkitError}. */
/**
 * For `invalid-input`: what the person typed that is at fault, so a form can put the message by that
 * field. Absent when the fault is the host's (a signer without credkit's protocol, say).
 */
export type CredkitErrorField = 'username' | 'credentialName' | 'password' | 'recoveryCode' | 'recoveryKit';

export interface CredkitErrorDetails {
  /** A specific message; defaults to `defaultErrorMessages[code]`. */
  message?: string;
  /** The phase the failure happened in, when known. */
  phase?: OperationRunPhase;
  /** The original error (a DOMException, a TypeError from `fetch`, …). */
  cause?: unknown;
  /** For `server`: the HTTP status. */
  status?: number;
  /**
   * For `server`: the server's own message (`error.message` of a Dfns error body), in full, for logs;
   * people see it only through `describeError` (see {@link serverMessageToShow}).
   */
  serverMessage?: string;
  /** For `invalid-input`: the field a person typed that is at fault. */
  field?: CredkitErrorField;
}

/** The one error type credkit throws: every failure is converted into it. */
export class CredkitError extends Error {
  // `declare`: assigned in the constructor, so no class-field initialisers are emitted for them.
  declare readonly name: 'CredkitError';
  /** What went wrong; switch on this. */
  declare readonly code: CredkitErrorCode;
  /** The phase the failure happened in, when known. */
  declare phase: OperationRunPhase | undefined;
  /** For `server`: the HTTP status. */
  declare readonly status: number | undefined;
  /** For `server`: the server's own message, in full and as sent (for logs: show it with `describeError`). */
  declare readonly serverMessage: string | undefined;
  /** For `invalid-input`: the field a person typed that is at fault (`username`, `credentialName`, `password`, `recoveryCode`, `recoveryKit`). */
  declare readonly field: CredkitErrorField | undefined;

  constructor(code: CredkitErrorCode, details: CredkitErrorDetails = {}) {
    super(details.message ?? defaultErrorMessages[code], { cause: details.cause });
    this.name = 'CredkitError';
    this.code = code;
    this.phase = details.phase;
    this.status = details.status;
    this.serverMessage = details.serverMessage;
    this.field = details.field;
  }
}

/** True when `value` is a {@link CredkitError} (also across bundle copies). */
export function isCredkitError(value: unknown): value is CredkitError {
  return (
    value instanceof CredkitError ||
    (value instanceof Error && value.name === 'CredkitError' && typeof (value as CredkitError).code === 'string')
  );
}

/** Texts a host puts in place of the default messages, per code: a string, or a function of the error. */
export type ErrorMessages = Partial<Record<CredkitErrorCode, string | ((error: CredkitError) => string)>>;

/**
 * The text to show a person for `error`: the host's message for its code if any, else the error's
 * own, followed by what the server said, if anything (as `The server said: “…”`, cleaned and cut
 * by {@link serverMessageToShow}).
 */
export function describeError(error: CredkitError, messages?: ErrorMessages): string {
  const custom = messages?.[error.code];
  if (typeof custom === 'function') return custom(error);
  if (custom !== undefined) return custom;
  const said = serverMessageToShow(error);
  // The server's words are marked as the server's: a proxy or a compromised backend can send any sentence.
  return said === undefined ? error.message : `${error.message} The server said: “${said}”`;
}
