import { createContext, useContext } from 'react';
import type { UseCredentialCodeResult } from '../useCredentialCode.ts';
import type { CredentialCodeMessages } from './credentialCodeMessages.ts';

/** The parts of `<CredentialCode>`: the same names as `classNames` keys and `data-credkit-part` values. */
export type CredentialCodePart = 'create' | 'cancel' | 'status' | 'error' | 'code' | 'copy' | 'expiry' | 'qr' | 'link';

/**
 * Where the code stands, as `data-state` shows it: `idle`, a busy phase (`signing`: confirming with
 * a passkey, `submitting`), `active` (the code is shown and valid), `expired`, or `error`.
 */
export type CredentialCodeState =
  | Exclude<UseCredentialCodeResult['phase'], 'success' | 'ceremony'>
  | 'active'
  | 'expired';

/** What every part of `<CredentialCode>` reads from its root, and what {@link useCredentialCodeContext} returns. */
export interface CredentialCodeContextValue {
  /** Making the code: phase, busy, the code, the error, and `createCode` / `cancel` / `reset`. */
  issuer: UseCredentialCodeResult;
  /** Where the code stands. */
  state: CredentialCodeState;
  /** Every text, merged with the English defaults. */
  messages: CredentialCodeMessages;
  /** The code, while it is valid. */
  code: string | undefined;
  /** When the code stops working (ISO 8601), while it is valid. */
  expiration: string | undefined;
  /** Milliseconds left, while the code is valid; updated every second. */
  remainingMs: number | undefined;
  /** The link to the other device's page, from `linkFor`, while the code is valid. */
  link: string | undefined;
  /** The live-region text: the phase, "Code ready" once, "expired" once; empty otherwise. */
  announcement: string;
  /** The error text, through `messages.errors`. */
  errorText: string | undefined;
  /** True when the code expired while focus was on a part that went away with it: the button takes it. */
  focusNewCode: boolean;
  /** The classes per part, from the root's `classNames`. */
  classNames: Partial<Record<CredentialCodePart, string>>;
  /** Element ids: the code's and the error's. */
  ids: { code: string; error: string };
}

export const CredentialCodeContext = createContext<CredentialCodeContextValue | null>(null);

/** The state and actions of the enclosing `<CredentialCode.Root>`, for parts of the host's own. */
export function useCredentialCodeContext(): CredentialCodeContextValue {
  const context = useContext(CredentialCodeContext);
  if (!context)
    throw new Error('useCredentialCodeContext and the CredentialCode parts must be inside <CredentialCode.Root>.');
  return context;
}
