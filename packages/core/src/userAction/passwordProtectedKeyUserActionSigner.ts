import { abortError, throwIfAborted } from '../errors/abortError.ts';
import { CredkitError, isCredkitError } from '../errors/credkitError.ts';
import { inPhase } from '../errors/inPhase.ts';
import { openAnySigningKey } from '../keys/openSigningKey.ts';
import { signKeyAssertion } from './keyUserActionSigner.ts';
import { type UserActionSignerWithProtocol, withUserActionProtocol } from './userAction.ts';

/** What {@link PasswordProtectedKeyUserActionSignerOptions.password} is asked with. */
export interface PasswordRequest {
  /** The key the password is for: the first PasswordProtectedKey the challenge allows (any of them it opens signs). */
  credentialId: string;
  /** Aborted when the signing is: close the prompt. */
  signal: AbortSignal;
  /**
   * Why the password is asked again: the last one was empty (`invalid-input`) or opened no key
   * (`wrong-password`). Absent the first time. Show it by the field.
   */
  error?: CredkitError;
}

/** Options of {@link createPasswordProtectedKeyUserActionSigner}. */
export interface PasswordProtectedKeyUserActionSignerOptions {
  /**
   * Asks the person for the password of their key, only once a change must be confirmed with it; the
   * password opens the key in the page and is neither sent nor kept. Rejecting (the person closed the
   * prompt) ends the signing `cancelled`, or with the rejection if it is a `CredkitError`.
   */
  password: (request: PasswordRequest) => Promise<string>;
  /**
   * How many passwords the person may try before the signing ends `wrong-password` (or
   * `invalid-input` for an empty one): each refused one is asked again with its `error`, so a typo
   * does not cost the change. @defaultValue 3
   */
  attempts?: number;
  /** The origin written into clientData. @defaultValue location.origin */
  origin?: string;
}

/** Resolves with the password, or rejects as soon as `signal` aborts, whether or not `ask` listens to it. */
function askPassword(ask: PasswordProtectedKeyUserActionSignerOptions['password'], request: PasswordRequest) {
  const { signal } = request;
  return new Promise<string>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal, 'signing'));
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve()
      .then(() => ask(request))
      .then(resolve, (error: unknown) => {
        if (signal.aborted) return onAbort();
        reject(
          isCredkitError(error)
            ? error
            : new CredkitError('cancelled', {
                phase: 'signing',
                message: 'The password was not given, so the change was not confirmed.',
                cause: error,
              }),
        );
      })
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * A user-action signer for a PasswordProtectedKey (Dfns sends a signed-in user's keys with their
 * `encryptedPrivateKey` in the challenge): asks `password` for the key's password, opens the key in
 * the page, and signs as {@link createKeyUserActionSigner} does. No such key in the challenge →
 * `no-signing-credential`, before the password is asked; a password that is empty or opens none is
 * asked again with its `error`, and after `attempts` of them the signing ends `invalid-input` or
 * `wrong-password`, nothing sent; the prompt closed → `cancelled`; `signal` → `aborted`.
 */
export function createPasswordProtectedKeyUserActionSigner({
  password,
  attempts = 3,
  origin,
}: PasswordProtectedKeyUserActionSignerOptions): UserActionSignerWithProtocol {
  return withUserActionProtocol({
    sign: (challenge, signal) =>
      inPhase('signing', async () => {
        const keys = (challenge.allowCredentials.passwordProtectedKey ?? []).filter((key) => key.encryptedPrivateKey);
        const first = keys[0];
        if (!first) {
          throw new CredkitError('no-signing-credential', {
            phase: 'signing',
            message: 'No password-protected key of your account can confirm this change.',
          });
        }
        throwIfAborted(signal, 'signing');
        // A signal for the prompt even when the signing has none: the host's callback may rely on one.
        const promptSignal = signal ?? new AbortController().signal;
        let refusal: CredkitError | undefined;
        for (let attempt = 1; ; attempt += 1) {
          const request = { credentialId: first.id, signal: promptSignal, ...(refusal && { error: refusal }) };
          const opened = await openWith(keys, await askPassword(password, request));
          if (!isCredkitError(opened)) {
            throwIfAborted(signal, 'signing');
            const { credId, privateKey } = opened;
            const credentialAssertion = await signKeyAssertion(challenge.challenge, { credId, privateKey, origin });
            return { kind: 'PasswordProtectedKey' as const, credentialAssertion };
          }
          if (attempt >= attempts) throw opened;
          refusal = opened;
        }
      }),
  });
}

/** The key a typed password opens, or why it opens none (`invalid-input` when empty, `wrong-password`). */
async function openWith(
  keys: Parameters<typeof openAnySigningKey>[0],
  typed: string,
): Promise<Awaited<ReturnType<typeof openAnySigningKey>> | CredkitError> {
  if (typeof typed !== 'string' || typed === '') {
    return new CredkitError('invalid-input', {
      phase: 'signing',
      message: 'Give the password of your key.',
      field: 'password',
    });
  }
  try {
    return await openAnySigningKey(keys, typed);
  } catch (error) {
    if (isCredkitError(error) && error.code === 'wrong-password') return error;
    throw error;
  }
}
