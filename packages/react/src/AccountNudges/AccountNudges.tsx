import type { AccountNudge, CreateCredentialResponse } from '@credkit/core';
import { forwardRef, type HTMLAttributes, useId, useRef, useState } from 'react';
import { type MessagesInput, mergeMessages } from '../mergeMessages.ts';
import { partClassName } from '../primitives/partClassName.ts';
import { type AccountNudgesOptions, useAccountNudges } from '../useAccountNudges.ts';
import type {
  ConditionalRegistrationStatus,
  UseConditionalRegistrationOptions,
} from '../useConditionalRegistration.ts';
import { type AccountNudgesMessages, englishAccountNudgesMessages } from './accountNudgesMessages.ts';
import { PasskeyUpgradeAttempt } from './PasskeyUpgradeAttempt.tsx';

/** The parts of `<AccountNudges>`, for `classNames` and `data-credkit-part`. */
export type AccountNudgesPart = 'root' | 'nudge' | 'text' | 'action' | 'notNow' | 'upgraded';

/** Props of {@link AccountNudges}. */
export interface AccountNudgesProps extends AccountNudgesOptions, Omit<HTMLAttributes<HTMLElement>, 'children'> {
  /** What each nudge's action does: open the recovery-key form, show a code for another device, register a passkey here. */
  onAction: (nudge: AccountNudge) => void;
  /**
   * Try the automatic upgrade first while "add a passkey here" is shown: where the browser has
   * conditional create, the password manager may make a passkey without a prompt
   * ({@link useConditionalRegistration}, these are its options). Registered, the nudge goes, the
   * credential list refetches, and a polite status says so once; unsupported or declined, the nudge
   * stays and its action is yours, as without this prop. @defaultValue no automatic upgrade
   */
  upgrade?: Omit<UseConditionalRegistrationOptions, 'enabled'>;
  /** Texts to replace the English ones. */
  messages?: MessagesInput<AccountNudgesMessages>;
  /** A class per part. */
  classNames?: Partial<Record<AccountNudgesPart, string>>;
}

/**
 * What the signed-in account lacks ({@link useAccountNudges}), each nudge with its action and "Not now".
 * Renders nothing when there is nothing to suggest. A put-off nudge leaves; focus goes to the next
 * nudge's action, so a keyboard user is not sent back to the top of the page. With `upgrade`, "add a
 * passkey here" first tries the automatic upgrade (conditional create).
 */
export const AccountNudges = forwardRef<HTMLElement, AccountNudgesProps>(function AccountNudges(
  {
    credentials,
    passkeyOnThisDevice,
    storage,
    storageKey,
    onAction,
    upgrade,
    messages: messagesInput,
    classNames = {},
    className,
    ...sectionProps
  },
  ref,
) {
  // The passkey the automatic upgrade made: this browser holds one now, whatever the host said.
  const [upgraded, setUpgraded] = useState<CreateCredentialResponse | undefined>(undefined);
  const [upgradeStatus, setUpgradeStatus] = useState<ConditionalRegistrationStatus | undefined>(undefined);
  const { nudges, dismiss } = useAccountNudges({
    credentials,
    passkeyOnThisDevice: upgraded ? true : passkeyOnThisDevice,
    storage,
    storageKey,
  });
  const messages = mergeMessages(englishAccountNudgesMessages, messagesInput);
  const id = useId();
  const list = useRef<HTMLUListElement>(null);
  if (nudges.length === 0 && !upgraded) return null;
  const attempting = upgrade !== undefined && !upgraded && nudges.includes('add-passkey-here');

  const putOff = (nudge: AccountNudge) => {
    const next = nudges[nudges.indexOf(nudge) + 1] ?? nudges[nudges.indexOf(nudge) - 1];
    dismiss(nudge);
    if (next) {
      // After React removes the item: the next nudge's action button.
      queueMicrotask(() => list.current?.querySelector<HTMLButtonElement>(`[data-nudge="${next}"] button`)?.focus());
    }
  };

  return (
    <section
      aria-label={messages.label}
      data-credkit-part="root"
      data-upgrade={upgrade ? (upgraded ? 'registered' : upgradeStatus) : undefined}
      {...sectionProps}
      ref={ref}
      className={partClassName(classNames, 'root', className)}
    >
      {attempting ? (
        <PasskeyUpgradeAttempt options={upgrade} onStatus={setUpgradeStatus} onUpgraded={setUpgraded} />
      ) : null}
      {upgraded || (attempting && (upgradeStatus === 'idle' || upgradeStatus === 'pending')) ? (
        // In the page (empty) while the password manager may answer, so that the text is announced:
        // once, politely. Not otherwise: no empty status region beside the host's own.
        <p role="status" data-credkit-part="upgraded" className={partClassName(classNames, 'upgraded', undefined)}>
          {upgraded ? messages.upgraded : ''}
        </p>
      ) : null}
      {nudges.length === 0 ? null : (
        <ul ref={list}>
          {nudges.map((nudge) => (
            <li
              key={nudge}
              data-credkit-part="nudge"
              data-nudge={nudge}
              className={partClassName(classNames, 'nudge', undefined)}
            >
              <p
                id={`${id}-${nudge}`}
                data-credkit-part="text"
                className={partClassName(classNames, 'text', undefined)}
              >
                {messages.texts[nudge]}
              </p>
              <button
                type="button"
                data-credkit-part="action"
                className={partClassName(classNames, 'action', undefined)}
                onClick={() => onAction(nudge)}
              >
                {messages.actions[nudge]}
              </button>
              <button
                type="button"
                data-credkit-part="notNow"
                aria-describedby={`${id}-${nudge}`}
                className={partClassName(classNames, 'notNow', undefined)}
                onClick={() => putOff(nudge)}
              >
                {messages.notNow}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
