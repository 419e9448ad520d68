import type { AccountNudge } from '@credkit/core';
import { forwardRef, type HTMLAttributes, useId, useRef } from 'react';
import { type MessagesInput, mergeMessages } from '../mergeMessages.ts';
import { partClassName } from '../primitives/partClassName.ts';
import { type AccountNudgesOptions, useAccountNudges } from '../useAccountNudges.ts';
import { type AccountNudgesMessages, englishAccountNudgesMessages } from './accountNudgesMessages.ts';

/** The parts of `<AccountNudges>`, for `classNames` and `data-credkit-part`. */
export type AccountNudgesPart = 'root' | 'nudge' | 'text' | 'action' | 'notNow';

/** Props of {@link AccountNudges}. */
export interface AccountNudgesProps extends AccountNudgesOptions, Omit<HTMLAttributes<HTMLElement>, 'children'> {
  /** What each nudge's action does: open the recovery-key form, show a code for another device, register a passkey here. */
  onAction: (nudge: AccountNudge) => void;
  /** Texts to replace the English ones. */
  messages?: MessagesInput<AccountNudgesMessages>;
  /** A class per part. */
  classNames?: Partial<Record<AccountNudgesPart, string>>;
}

/**
 * What the signed-in account lacks ({@link useAccountNudges}), each nudge with its action and "Not now".
 * Renders nothing when there is nothing to suggest. A put-off nudge leaves; focus goes to the next
 * nudge's action, so a keyboard user is not sent back to the top of the page.
 */
export const AccountNudges = forwardRef<HTMLElement, AccountNudgesProps>(function AccountNudges(
  {
    credentials,
    passkeyOnThisDevice,
    storage,
    storageKey,
    onAction,
    messages: messagesInput,
    classNames = {},
    className,
    ...sectionProps
  },
  ref,
) {
  const { nudges, dismiss } = useAccountNudges({ credentials, passkeyOnThisDevice, storage, storageKey });
  const messages = mergeMessages(englishAccountNudgesMessages, messagesInput);
  const id = useId();
  const list = useRef<HTMLUListElement>(null);
  if (nudges.length === 0) return null;

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
      {...sectionProps}
      ref={ref}
      className={partClassName(classNames, 'root', className)}
    >
      <ul ref={list}>
        {nudges.map((nudge) => (
          <li
            key={nudge}
            data-credkit-part="nudge"
            data-nudge={nudge}
            className={partClassName(classNames, 'nudge', undefined)}
          >
            <p id={`${id}-${nudge}`} data-credkit-part="text" className={partClassName(classNames, 'text', undefined)}>
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
    </section>
  );
});
