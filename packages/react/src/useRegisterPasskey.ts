import {
  type UseRegisterCredentialOptions,
  type UseRegisterCredentialResult,
  useRegisterCredential,
} from './useRegisterCredential.ts';

/** Options of {@link useRegisterPasskey}: those of {@link useRegisterCredential}, without `kind`. */
export type UseRegisterPasskeyOptions = Omit<UseRegisterCredentialOptions, 'kind'>;

/** What {@link useRegisterPasskey} returns: {@link useRegisterCredential}'s result, for a passkey. */
export interface UseRegisterPasskeyResult extends Omit<UseRegisterCredentialResult, 'register' | 'key'> {
  /**
   * Starts a registration of a passkey named `credentialName`; ignored while one is running. Without
   * a name (or with a blank one) the passkey is named after its provider ("Google Password Manager",
   * "Apple Passwords"…, from its AAGUID), else "Passkey".
   */
  register: (credentialName?: string) => void;
}

/**
 * Registers a passkey: {@link useRegisterCredential} with `kind: 'Fido2'`. The challenge is
 * prefetched and used once; on success the host's credential list query is invalidated. Needs the
 * host's `QueryClientProvider`.
 */
export function useRegisterPasskey(options: UseRegisterPasskeyOptions): UseRegisterPasskeyResult {
  const { key, ...registration } = useRegisterCredential({ ...options, kind: 'Fido2' });
  return registration;
}
