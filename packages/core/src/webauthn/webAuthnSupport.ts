import { CredkitError } from '../errors/credkitError.ts';

/** The part of `navigator.credentials` credkit uses; inject one in tests instead of stubbing globals. */
export interface CredentialCreator {
  create(options: CredentialCreationOptions): Promise<Credential | null>;
}

/** True when this page can run a WebAuthn registration: the API exists and the context is secure. */
export function isWebAuthnAvailable(): boolean {
  return (
    typeof window !== 'undefined' &&
    window.isSecureContext !== false &&
    typeof window.PublicKeyCredential === 'function' &&
    typeof navigator?.credentials?.create === 'function'
  );
}

/** The injected creator, or `navigator.credentials`; throws `unsupported` when there is none. */
export function resolveCredentialCreator(injected?: CredentialCreator): CredentialCreator {
  if (injected) return injected;
  if (!isWebAuthnAvailable()) {
    throw new CredkitError('unsupported', { phase: 'ceremony' });
  }
  return navigator.credentials;
}
