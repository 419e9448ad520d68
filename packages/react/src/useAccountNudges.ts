import {
  type AccountNudge,
  type AccountNudgesInput,
  accountNudges,
  createNudgeDismissals,
  type NudgeDismissalsOptions,
  type NudgeStorage,
} from '@credkit/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

/** Options of {@link useAccountNudges}: the rule's input and where "not now" is kept. */
export interface AccountNudgesOptions
  extends Omit<AccountNudgesInput, 'credentials' | 'dismissed'>,
    NudgeDismissalsOptions {
  /** The account's credentials (`useCredentials(fetcher).data`); `undefined` while they load: no nudge then. */
  credentials: AccountNudgesInput['credentials'] | undefined;
}

/** What {@link useAccountNudges} returns. */
export interface AccountNudgesResult {
  /** The nudges to show now, most urgent first; none until the credentials and the dismissals are read. */
  nudges: AccountNudge[];
  /** "Not now": hides the nudge at once and keeps the dismissal in the storage. */
  dismiss: (nudge: AccountNudge) => void;
}

/**
 * What the signed-in account lacks (core's {@link accountNudges}: a recovery key, a passkey on another
 * device, a passkey here), less what the person put off, kept through `storage` (localStorage by default).
 */
export function useAccountNudges({
  credentials,
  passkeyOnThisDevice,
  storage,
  storageKey,
}: AccountNudgesOptions): AccountNudgesResult {
  // The latest storage, read through a ref: a host that passes a new object each render must not
  // make the dismissals read again (and again) — only a new `storageKey` (another account) does.
  const storageRef = useRef(storage);
  storageRef.current = storage;
  const hostStorage = storage !== undefined;
  const dismissals = useMemo(
    () =>
      createNudgeDismissals({
        storageKey,
        storage: hostStorage
          ? {
              get: (key) => (storageRef.current as NudgeStorage).get(key),
              set: (key, value) => (storageRef.current as NudgeStorage).set(key, value),
            }
          : undefined,
      }),
    [storageKey, hostStorage],
  );
  const [dismissed, setDismissed] = useState<AccountNudge[] | undefined>(undefined);

  useEffect(() => {
    let current = true;
    setDismissed(undefined);
    dismissals.read().then(
      (read) => current && setDismissed(read),
      // A storage that fails to read: nothing is put off, rather than every nudge hidden for good.
      () => current && setDismissed([]),
    );
    return () => {
      current = false;
    };
  }, [dismissals]);

  const dismiss = useCallback(
    (nudge: AccountNudge) => {
      setDismissed((previous) => [...(previous ?? []), nudge]);
      // Kept for next time; if the storage fails, the nudge is still hidden on this page.
      dismissals.dismiss(nudge).catch(() => undefined);
    },
    [dismissals],
  );

  const nudges = useMemo(
    () => (credentials && dismissed ? accountNudges({ credentials, passkeyOnThisDevice, dismissed }) : []),
    [credentials, dismissed, passkeyOnThisDevice],
  );
  return { nudges, dismiss };
}
