import { type CreateCredentialResponse, type CredkitError, describeError, type Fetcher } from '@credkit/core';
import {
  type HTMLAttributes,
  type RefCallback,
  type RefObject,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { mergeMessages } from '../mergeMessages.ts';
import { type UseCredentialsOptions, useCredentials } from '../useCredentials.ts';
import { type UseSetCredentialActiveOptions, useSetCredentialActive } from '../useSetCredentialActive.ts';
import type {
  CredentialChange,
  CredentialListContextValue,
  CredentialListPart,
  CredentialListState,
} from './credentialListContext.ts';
import { type CredentialListMessagesInput, englishCredentialListMessages } from './credentialListMessages.ts';

/** The kinds that sign user actions and logins, as Dfns has them (a RecoveryKey only recovers). */
const SIGNING_KINDS: readonly CreateCredentialResponse['kind'][] = ['Fido2', 'Key', 'PasswordProtectedKey'];

/** Options of the list: what it sends with, its texts, and what the host hears of each change. */
export interface CredentialListOptions {
  /** Makes the HTTP calls, as the signed-in user. */
  fetcher: Fetcher;
  /**
   * Confirms each change with one of the user's credentials (Dfns requires it on
   * `PUT /auth/credentials/activate` and `/deactivate`). Without it, changes are sent unsigned.
   */
  userActionSigner?: UseSetCredentialActiveOptions['userActionSigner'];
  /**
   * The signed-in Dfns user (`userFromToken(token)`): with it, each list loaded (and so each change)
   * tells the passkey manager which passkeys are still accepted. See `useCredentials`.
   */
  user?: UseCredentialsOptions['user'];
  /** Every text of the list, by group: e.g. a translation. English by default. */
  messages?: CredentialListMessagesInput;
  /** Classes per part; every part also carries `data-credkit-part="<part>"` to style by attribute. */
  classNames?: Partial<Record<CredentialListPart, string>>;
  /** Called once a change is saved (and the list refreshed). */
  onActiveChange?: (credential: CreateCredentialResponse, active: boolean) => void;
  /** Called when a change fails. */
  onError?: (error: CredkitError) => void;
}

/** The list's options, plus any attribute of the root `<div>` (passed through). */
export interface CredentialListRootOptions
  extends CredentialListOptions,
    Omit<HTMLAttributes<HTMLDivElement>, 'onError' | 'children'> {}

/** Whether focus may be moved: it is nowhere (lost to `<body>`) or still inside the list. */
function focusIsOurs(root: HTMLElement | null): boolean {
  const active = root?.ownerDocument.activeElement;
  return !active || active === root?.ownerDocument.body || root?.contains(active) === true;
}

/**
 * The state of `<CredentialList.Root>`: the list (`useCredentials`), one change at a time
 * (`useSetCredentialActive`), the lockout guard, the texts, and where focus goes after a change or
 * a retry. The parts only render it.
 */
export function useCredentialListState({
  fetcher,
  userActionSigner,
  user,
  messages: messagesInput,
  classNames = {},
  onActiveChange,
  onError,
  ...rootProps
}: CredentialListRootOptions): {
  context: CredentialListContextValue;
  rootProps: HTMLAttributes<HTMLDivElement>;
  rootRef: RefObject<HTMLDivElement | null>;
} {
  const messages = mergeMessages(englishCredentialListMessages, messagesInput);
  const query = useCredentials(fetcher, { user });
  const mutation = useSetCredentialActive({ fetcher, userActionSigner });
  const [change, setChange] = useState<CredentialChange | null>(null);
  // A second click before React re-renders must not start a second change.
  const running = useRef(false);

  const rootRef = useRef<HTMLDivElement>(null);
  const actionElements = useRef(new Map<string, HTMLElement>());
  const actionRefs = useRef(new Map<string, RefCallback<HTMLElement>>());
  const tableElement = useRef<HTMLElement | null>(null);
  const statusElement = useRef<HTMLElement | null>(null);
  const actionRef = useCallback((credentialUuid: string) => {
    let ref = actionRefs.current.get(credentialUuid);
    if (!ref) {
      ref = (node) => {
        if (node) actionElements.current.set(credentialUuid, node);
        else actionElements.current.delete(credentialUuid);
      };
      actionRefs.current.set(credentialUuid, ref);
    }
    return ref;
  }, []);
  const tableRef = useCallback((node: HTMLElement | null) => {
    tableElement.current = node;
  }, []);
  const statusRef = useCallback((node: HTMLElement | null) => {
    statusElement.current = node;
  }, []);

  const credentials = query.data ?? [];
  const state: CredentialListState = query.data
    ? credentials.length === 0
      ? 'empty'
      : 'ready'
    : query.isError
      ? 'error'
      : 'loading';
  const activeSigners = credentials.filter(
    (credential) => credential.isActive && SIGNING_KINDS.includes(credential.kind),
  );
  const lastSignerUuid = activeSigners.length === 1 ? activeSigners[0]?.credentialUuid : undefined;
  const isLastSigner = (credential: CreateCredentialResponse) => credential.credentialUuid === lastSignerUuid;
  const busy = mutation.isPending;

  // When a change ends (saved or refused), focus goes back to that row's button (now the other
  // action), unless the person has moved on elsewhere on the page: the rows are keyed by uuid, so the
  // button is the same element, but the passkey prompt (or a re-render) may have left focus on <body>.
  const status = mutation.status;
  const previousStatus = useRef(status);
  useEffect(() => {
    const was = previousStatus.current;
    previousStatus.current = status;
    if (status !== 'pending') running.current = false;
    if (was !== 'pending' || status === 'pending' || !change) return;
    const target = actionElements.current.get(change.credentialUuid) ?? tableElement.current ?? statusElement.current;
    if (focusIsOurs(rootRef.current)) target?.focus();
  }, [status, change]);

  // After Retry succeeds, the Retry button is gone: focus goes to the list (or the empty status).
  const retrying = useRef(false);
  useEffect(() => {
    if (!retrying.current || query.isFetching) return;
    retrying.current = false;
    if (query.isError || !focusIsOurs(rootRef.current)) return;
    (tableElement.current ?? statusElement.current)?.focus();
  }, [query.isFetching, query.isError]);

  const id = useId();
  const signing = userActionSigner !== undefined;
  const describe = (error: CredkitError) => describeError(error, messages.errors);
  const changeFailed =
    mutation.isError && change ? messages.failed[change.action](change.name, describe(mutation.error)) : '';
  const listFailed = query.isError ? messages.loadFailed(describe(query.error)) : '';
  const errorText = [changeFailed, listFailed].filter(Boolean).join(' ');

  let announcement = '';
  if (change && mutation.isPending) announcement = messages.progress[change.action](change.name, signing);
  else if (state === 'loading') announcement = messages.loading;
  else if (change && mutation.isSuccess) announcement = messages.done[change.action](change.name);
  else if (state === 'empty') announcement = messages.empty;

  const context: CredentialListContextValue = {
    fetcher,
    userActionSigner,
    query,
    mutation,
    credentials,
    state,
    change,
    busy,
    isChanging: (credential) => busy && change?.credentialUuid === credential.credentialUuid,
    actionFor: (credential) => (credential.isActive ? 'deactivate' : 'activate'),
    isLastSigner,
    toggle: (credential) => {
      if (running.current) return;
      const active = !credential.isActive;
      if (!active && isLastSigner(credential)) return;
      running.current = true;
      setChange({
        credentialUuid: credential.credentialUuid,
        name: credential.name,
        action: active ? 'activate' : 'deactivate',
      });
      mutation.mutate(
        { credentialUuid: credential.credentialUuid, active },
        {
          onSuccess: () => onActiveChange?.(credential, active),
          onError: (error) => onError?.(error),
          onSettled: () => {
            running.current = false;
          },
        },
      );
    },
    retry: () => {
      retrying.current = true;
      void query.refetch();
    },
    announcement,
    errorText: errorText === '' ? undefined : errorText,
    error: mutation.isError ? mutation.error : query.error,
    messages,
    classNames,
    ids: { error: `${id}-error`, lockout: (credentialUuid) => `${id}-lockout-${credentialUuid}` },
    actionRef,
    tableRef,
    statusRef,
  };
  return { context, rootProps, rootRef };
}
