import {
  type AuthenticatorChoice,
  type CreateCredentialResponse,
  type CredentialCreator,
  CredkitError,
  type Fetcher,
  type Fido2CredentialChallenge,
  fetchFido2Challenge,
  isCredkitError,
  isWebAuthnAvailable,
  type KeyCredentialKind,
  type RegistrationPhase,
  type RelyingParty,
  registerCredential,
  type UserActionSignerWithProtocol,
} from '@credkit/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { challengeQueryKeyPrefix, credentialsQueryKey } from './queryKeys.ts';

/** Where a registration stands: `idle`, one of the core phases while busy, then `success` or `error`. */
export type RegisterPasskeyPhase = 'idle' | RegistrationPhase | 'success' | 'error';

/** The kinds of credential the hook registers. */
export type RegistrableCredentialKind = 'Fido2' | KeyCredentialKind;

/** The secret that protects a PasswordProtectedKey or a RecoveryKey; never sent. */
export interface CredentialSecret {
  /** PasswordProtectedKey: the password that wraps the private key. */
  password?: string;
  /** RecoveryKey: the recovery code that wraps the private key. */
  recoveryCode?: string;
}

/** Options of {@link useRegisterPasskey}. */
export interface UseRegisterPasskeyOptions {
  /**
   * What to register: a passkey (`Fido2`), or a key made in the browser (`Key`,
   * `PasswordProtectedKey`, `RecoveryKey`; their code loads on first use). @defaultValue "Fido2"
   */
  kind?: RegistrableCredentialKind;
  /** Makes the HTTP calls; the host owns base URL, auth headers and user-action signing. */
  fetcher: Fetcher;
  /** The relying party the passkey is created for. */
  rp: RelyingParty;
  /** The ceremony timeout in milliseconds. @defaultValue 60000 */
  timeout?: number;
  /**
   * Fido2: where the person wants the passkey ("This device", "Security key", "Phone or tablet"),
   * sent as WebAuthn `hints` plus the legacy `authenticatorAttachment`. @defaultValue the browser decides
   */
  authenticator?: AuthenticatorChoice;
  /** How long after `timeout` a ceremony that never settles is abandoned as `timed-out`. @defaultValue 3000 */
  watchdogGraceMs?: number;
  /**
   * Fetch the challenge before the click, so the click goes straight to `navigator.credentials.create`
   * (Safari spends the click's user activation on an awaited fetch). @defaultValue true
   */
  prefetchChallenge?: boolean;
  /** How long a prefetched challenge is used (and how often it is refreshed), in ms; keep it under the server's TTL. @defaultValue 120000 */
  challengeMaxAgeMs?: number;
  /** Called with the new credential once the server has stored it (and, for key kinds, the key pair). */
  onRegistered?: (credential: CreateCredentialResponse, key?: RegisteredKey) => void;
  /** Called with the error when a registration fails (not when the component's own unmount aborted it). */
  onError?: (error: CredkitError) => void;
  /** The object whose `create` runs the ceremony. @defaultValue navigator.credentials */
  credentials?: CredentialCreator;
  /**
   * Confirms the new credential with one of the user's existing ones (Dfns user-action signing), as
   * Dfns requires: e.g. `createWebAuthnUserActionSigner()`, or any signer through
   * `withUserActionProtocol(signer)`. Adds the phase `signing`.
   */
  userActionSigner?: UserActionSignerWithProtocol;
}

/** What {@link useRegisterPasskey} returns. */
export interface UseRegisterPasskeyResult {
  /** Where the registration stands. */
  phase: RegisterPasskeyPhase;
  /** True while a registration runs (`challenge`, `ceremony` or `submitting`). */
  isBusy: boolean;
  /**
   * Starts a registration; ignored while one is running. Errors become `error`, never a rejection.
   * PasswordProtectedKey and RecoveryKey need their secret.
   */
  register: (credentialName: string, secret?: CredentialSecret) => void;
  /** After an error: runs the whole flow again, with the same name and a fresh challenge. */
  retry: () => void;
  /** The person gives up: aborts the running registration, which ends as a `cancelled` error. */
  cancel: () => void;
  /** Back to `idle`, forgetting the last credential or error. */
  reset: () => void;
  /** The credential created by the last successful registration. */
  credential: CreateCredentialResponse | undefined;
  /** Key kinds: the key pair of the last registration (non-extractable private key), for the host to keep. */
  key: RegisteredKey | undefined;
  /** The error of the last failed registration. */
  error: CredkitError | null;
}

/** What a key registration leaves with the host. */
export interface RegisteredKey {
  keyPair: CryptoKeyPair;
  /** PasswordProtectedKey, RecoveryKey: the wrapped private key the server stores. */
  encryptedPrivateKey?: string;
}

interface RegisterVariables {
  credentialName: string;
  challenge: Fido2CredentialChallenge | undefined;
}

interface RegisterResult {
  credential: CreateCredentialResponse;
  key?: RegisteredKey;
}

const DEFAULT_CHALLENGE_MAX_AGE_MS = 120_000;

/**
 * Registers a passkey: `POST /auth/credentials/init` → `navigator.credentials.create` →
 * `POST /auth/credentials`, as a react-query mutation in the host's `QueryClientProvider`.
 * The challenge is prefetched and used once; on success {@link credentialsQueryKey} is invalidated.
 * The POST is never retried automatically.
 */
export function useRegisterPasskey(options: UseRegisterPasskeyOptions): UseRegisterPasskeyResult {
  const queryClient = useQueryClient();
  const [step, setStep] = useState<RegistrationPhase>('challenge');
  const controllerRef = useRef<AbortController | null>(null);
  const inFlightRef = useRef(false);
  const mountedRef = useRef(true);
  const lastAttemptRef = useRef<{ credentialName: string; secret: CredentialSecret | undefined } | null>(null);
  const usedChallengesRef = useRef(new Set<string>());
  // Nothing touches window/navigator during render: support is read after mount.
  const [canCreate, setCanCreate] = useState(false);
  const instanceId = useId();
  const challengeKey = [...challengeQueryKeyPrefix, instanceId] as const;
  const maxAgeMs = options.challengeMaxAgeMs ?? DEFAULT_CHALLENGE_MAX_AGE_MS;
  const kind = options.kind ?? 'Fido2';

  useEffect(() => {
    mountedRef.current = true;
    setCanCreate(kind === 'Fido2' && (options.credentials !== undefined || isWebAuthnAvailable()));
    return () => {
      mountedRef.current = false;
      controllerRef.current?.abort();
    };
  }, [options.credentials, kind]);

  const challengeQuery = useQuery({
    queryKey: challengeKey,
    queryFn: ({ signal }) => fetchFido2Challenge(options.fetcher, signal),
    enabled: canCreate && options.prefetchChallenge !== false,
    staleTime: maxAgeMs,
    gcTime: maxAgeMs,
    refetchInterval: maxAgeMs,
    refetchOnWindowFocus: false,
    // A failed prefetch is not an error for the person: the click fetches again and reports that one.
    retry: false,
  });

  const takeFreshChallenge = (): Fido2CredentialChallenge | undefined => {
    const state = queryClient.getQueryState<Fido2CredentialChallenge>(challengeKey);
    const challenge = state?.data;
    if (!challenge || state.status !== 'success' || Date.now() - state.dataUpdatedAt >= maxAgeMs) return undefined;
    if (usedChallengesRef.current.has(challenge.challengeIdentifier)) return undefined;
    usedChallengesRef.current.add(challenge.challengeIdentifier);
    return challenge;
  };

  const mutation = useMutation<RegisterResult, CredkitError, RegisterVariables>({
    mutationKey: ['credkit', 'registerPasskey'],
    // A registration that silently pauses while offline is a dead button: fail as `network` instead.
    networkMode: 'always',
    // Challenges are single-use: the POST must never be replayed.
    retry: 0,
    mutationFn: async ({ credentialName, challenge }) => {
      // The secret stays out of the mutation's variables, which react-query keeps in its cache.
      const secret = lastAttemptRef.current?.secret;
      const controller = new AbortController();
      controllerRef.current = controller;
      const onPhase = (phase: RegistrationPhase) => {
        if (mountedRef.current) setStep(phase);
      };
      try {
        if (kind !== 'Fido2') {
          // Key kinds load their WebCrypto code on first use: Fido2-only apps never download it.
          const { registerKeyCredential } = await import('./keyKinds.ts');
          const { credential, ...key } = await registerKeyCredential({
            fetcher: options.fetcher,
            kind,
            credentialName,
            ...secret,
            userActionSigner: options.userActionSigner,
            signal: controller.signal,
            onPhase,
          });
          return { credential, key };
        }
        const credential = await registerCredential({
          fetcher: options.fetcher,
          rp: options.rp,
          timeout: options.timeout,
          authenticator: options.authenticator,
          watchdogGraceMs: options.watchdogGraceMs,
          credentials: options.credentials,
          credentialName,
          challenge,
          userActionSigner: options.userActionSigner,
          signal: controller.signal,
          onPhase,
        });
        return { credential };
      } catch (error) {
        throw isCredkitError(error) ? error : new CredkitError('unknown', { cause: error });
      } finally {
        if (controllerRef.current === controller) controllerRef.current = null;
        inFlightRef.current = false;
      }
    },
    onSuccess: async ({ credential, key }) => {
      lastAttemptRef.current = null;
      if (key) options.onRegistered?.(credential, key);
      else options.onRegistered?.(credential);
      await queryClient.invalidateQueries({ queryKey: credentialsQueryKey });
    },
    onError: (error) => {
      if (mountedRef.current) options.onError?.(error);
    },
    onSettled: () => {
      // A challenge is used once: whatever happened, get a fresh one for the next attempt.
      if (mountedRef.current && challengeQuery.isEnabled) void challengeQuery.refetch();
    },
  });

  const { mutate, reset } = mutation;
  const register = useCallback(
    (credentialName: string, secret?: CredentialSecret) => {
      // A ref, not state: a second click in the same frame must see the first one.
      if (inFlightRef.current) return;
      inFlightRef.current = true;
      lastAttemptRef.current = { credentialName, secret };
      const challenge = takeFreshChallenge();
      setStep(challenge ? 'ceremony' : 'challenge');
      mutate({ credentialName, challenge });
    },
    [mutate],
  );
  const retry = useCallback(() => {
    const last = lastAttemptRef.current;
    if (last) register(last.credentialName, last.secret);
  }, [register]);
  const cancel = useCallback(() => {
    controllerRef.current?.abort(
      new CredkitError('cancelled', { message: 'Registration cancelled. Nothing was registered.' }),
    );
  }, []);

  const phase: RegisterPasskeyPhase =
    mutation.status === 'pending' ? step : mutation.status === 'idle' ? 'idle' : mutation.status;

  return {
    phase,
    isBusy: mutation.status === 'pending',
    register,
    retry,
    cancel,
    reset,
    credential: mutation.data?.credential,
    key: mutation.data?.key,
    error: mutation.error,
  };
}
