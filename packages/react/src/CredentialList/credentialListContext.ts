import type { CreateCredentialResponse, CredkitError, Fetcher, UserActionSignerWithProtocol } from '@credkit/core';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { createContext, type RefCallback, useContext } from 'react';
import type { SetCredentialActiveInput } from '../useSetCredentialActive.ts';
import type { CredentialAction, CredentialListMessages } from './credentialListMessages.ts';

/** The parts of `<CredentialList>`: the same names as `classNames` keys and `data-credkit-part` values. */
export type CredentialListPart = 'table' | 'row' | 'cell' | 'action' | 'lockout' | 'status' | 'error' | 'retry';

/**
 * The list's state, as the root's `data-state` shows it: loading for the first time, failed to load
 * (and nothing to show), loaded with no credential, or loaded with some.
 */
export type CredentialListState = 'loading' | 'error' | 'empty' | 'ready';

/** The change that runs (or ran last): which credential, its name then, and the action. */
export interface CredentialChange {
  credentialUuid: string;
  name: string;
  action: CredentialAction;
}

/** What every part of `<CredentialList>` reads from its root, and what {@link useCredentialListContext} returns. */
export interface CredentialListContextValue {
  /** Makes the HTTP calls, as the signed-in user. */
  fetcher: Fetcher;
  /** Confirms each change with one of the user's credentials; without it, changes are sent unsigned. */
  userActionSigner: UserActionSignerWithProtocol | undefined;
  /** The credential list (`useCredentials`). */
  query: UseQueryResult<CreateCredentialResponse[], CredkitError>;
  /** The change of one credential (`useSetCredentialActive`). */
  mutation: UseMutationResult<void, CredkitError, SetCredentialActiveInput>;
  /** The credentials, oldest first as the server lists them; empty until loaded. */
  credentials: CreateCredentialResponse[];
  /** `loading`, `error`, `empty` or `ready`. */
  state: CredentialListState;
  /** The change that runs or ran last, until the next one. */
  change: CredentialChange | null;
  /** True while a change runs: every other change waits (their buttons are disabled). */
  busy: boolean;
  /** Whether `credential`'s change is the one running. */
  isChanging: (credential: CreateCredentialResponse) => boolean;
  /** What the row's button does: `deactivate` an active credential, `activate` a deactivated one. */
  actionFor: (credential: CreateCredentialResponse) => CredentialAction;
  /**
   * Whether `credential` is the last active one that can sign (Fido2, Key, PasswordProtectedKey):
   * deactivating it would leave nothing to sign in or confirm a change with, so Deactivate is disabled.
   */
  isLastSigner: (credential: CreateCredentialResponse) => boolean;
  /** Deactivates or activates `credential` (confirmed by the signer); ignored while another change runs. */
  toggle: (credential: CreateCredentialResponse) => void;
  /** Loads the list again (after a failure). */
  retry: () => void;
  /** The live-region text: loading, a change running or done, or the empty list. */
  announcement: string;
  /** The alert's text: the failed change's, else the list's failure; through `messages.errors`. */
  errorText: string | undefined;
  /** The error behind `errorText`. */
  error: CredkitError | null;
  /** Every text, merged with the English defaults. */
  messages: CredentialListMessages;
  /** The classes per part, from the root's `classNames`. */
  classNames: Partial<Record<CredentialListPart, string>>;
  /** Element ids: the alert's, and each credential's lockout note (for the button's `aria-describedby`). */
  ids: { error: string; lockout: (credentialUuid: string) => string };
  /** Where focus goes back after a change: the ref of each credential's button (the Action part sets it). */
  actionRef: (credentialUuid: string) => RefCallback<HTMLElement>;
  /** The element that takes focus when the list appears after Retry (the Table part sets it). */
  tableRef: RefCallback<HTMLElement>;
  /** The element that takes focus after Retry when there is no table (the Status part sets it). */
  statusRef: RefCallback<HTMLElement>;
}

export const CredentialListContext = createContext<CredentialListContextValue | null>(null);

/**
 * The state and actions of the enclosing `<CredentialList.Root>`, for rows and buttons of the host's
 * own (a list of cards instead of a table, a menu with Deactivate).
 */
export function useCredentialListContext(): CredentialListContextValue {
  const context = useContext(CredentialListContext);
  if (!context) {
    throw new Error('useCredentialListContext and the CredentialList parts must be inside <CredentialList.Root>.');
  }
  return context;
}
