import {
  type CredkitError,
  createPasskeyAutofillController,
  type LoginResult,
  type PasskeyAutofillOptions,
  type PasskeyAutofillStatus,
} from '@credkit/core';
import { useEffect, useState, useSyncExternalStore } from 'react';

/** Options of {@link usePasskeyAutofill}: those of core's `createPasskeyAutofillController`, and `enabled`. */
export interface UsePasskeyAutofillOptions extends PasskeyAutofillOptions {
  /** Offer the passkeys now; false ends a pending request silently. @defaultValue true */
  enabled?: boolean;
}

/** What {@link usePasskeyAutofill} returns. */
export interface UsePasskeyAutofillResult {
  /** `unsupported`, `pending` (passkeys offered in the autofill), `paused`, `submitting`, `success`, `error`. */
  status: PasskeyAutofillStatus;
  /** The token, once signed in through the autofill. */
  login: LoginResult | undefined;
  /** The last failure worth showing (a picked passkey the server refused); null otherwise. */
  error: CredkitError | null;
}

/**
 * Autofill sign-in: while the component is mounted, the passkeys of this site are offered in the
 * autofill of its `autocomplete="username webauthn"` field (a conditional `get()`, where the browser
 * supports it). A thin adapter over core's `createPasskeyAutofillController`: a sign-in button's
 * prompt (`usePasskeyLogin`) replaces the pending request silently, which comes back after it;
 * unmounting ends it.
 */
export function usePasskeyAutofill({
  enabled = true,
  ...options
}: UsePasskeyAutofillOptions): UsePasskeyAutofillResult {
  // As `useController`, but mounted only while enabled.
  const [controller] = useState(() => createPasskeyAutofillController(options));
  useEffect(() => controller.setOptions(options));
  useEffect(() => (enabled ? controller.mount() : undefined), [controller, enabled]);
  const snapshot = useSyncExternalStore(controller.subscribe, controller.getSnapshot, controller.getSnapshot);
  return { status: snapshot.status, login: snapshot.data, error: snapshot.error };
}
