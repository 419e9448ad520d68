import { describeError } from '@credkit/core';
import { type HTMLAttributes, type RefObject, useId, useState } from 'react';
import { mergeMessages } from '../mergeMessages.ts';
import { type UseCredentialCodeOptions, useCredentialCode } from '../useCredentialCode.ts';
import type { CredentialCodeContextValue, CredentialCodePart, CredentialCodeState } from './credentialCodeContext.ts';
import {
  type CredentialCodeMessages,
  type CredentialCodeMessagesInput,
  englishCredentialCodeMessages,
} from './credentialCodeMessages.ts';
import { useCountdown } from './useCountdown.ts';

/** Options of `<CredentialCode>`: those of `useCredentialCode`, the link, the texts and the classes. */
export interface CredentialCodeComponentOptions extends UseCredentialCodeOptions {
  /**
   * The link to the page of the other device, for a code, e.g.
   * `` (code) => `https://app.example/add-passkey?code=${encodeURIComponent(code)}` ``: shown as a QR
   * code and as a link. @defaultValue none: the code only
   */
  linkFor?: (code: string) => string;
  /** Every text, e.g. a translation. English by default. */
  messages?: CredentialCodeMessagesInput;
  /** Classes per part; every part also carries `data-credkit-part="<part>"` to style by attribute. */
  classNames?: Partial<Record<CredentialCodePart, string>>;
}

/** The options, plus any attribute of the root `<div>` (passed through). */
export interface CredentialCodeRootOptions
  extends CredentialCodeComponentOptions,
    Omit<HTMLAttributes<HTMLDivElement>, 'onError' | 'children'> {}

/**
 * How long before a code expires the person is warned (WCAG 2.2.1 asks for at least 20 seconds to
 * act): the live region says so once, unless the code lasted no longer than that to begin with.
 */
export const EXPIRY_WARNING_MS = 20_000;

function announcementFor(
  state: CredentialCodeState,
  seconds: number,
  remainingMs: number | undefined,
  text: CredentialCodeMessages,
): string {
  if (state === 'challenge' || state === 'signing' || state === 'submitting') return text.status[state];
  if (state === 'active') {
    // One fixed text from the threshold on: the region speaks once, not on each tick.
    const warn = remainingMs !== undefined && remainingMs <= EXPIRY_WARNING_MS && seconds * 1000 > EXPIRY_WARNING_MS;
    return warn ? text.expiringSoon(EXPIRY_WARNING_MS / 1000) : text.ready(seconds);
  }
  if (state === 'expired') return text.expired;
  return '';
}

/**
 * The state of `<CredentialCode.Root>`: making the code (`useCredentialCode`), its countdown and
 * expiry, its link, and the texts. The parts only render it.
 */
export function useCredentialCodeRoot(
  {
    fetcher,
    userActionSigner,
    lifetimeMs,
    onIssued,
    onError,
    onEvent,
    linkFor,
    messages: messagesInput,
    classNames = {},
    ...divProps
  }: CredentialCodeRootOptions,
  rootRef: RefObject<HTMLElement | null>,
): { context: CredentialCodeContextValue; divProps: HTMLAttributes<HTMLDivElement> } {
  const text = mergeMessages(englishCredentialCodeMessages, messagesInput);
  const issuer = useCredentialCode({ fetcher, userActionSigner, lifetimeMs, onIssued, onError, onEvent });
  const issued = issuer.phase === 'success' ? issuer.code : undefined;
  // An unreadable expiration counts as expired: better a new code than a countdown that lies.
  const deadline = issued ? Date.parse(issued.expiration) || 0 : undefined;
  const [focusNewCode, setFocusNewCode] = useState(false);
  const countdown = useCountdown(deadline, () => {
    // The code, its QR and link leave the page: if focus was on one of them, the button takes it.
    setFocusNewCode(rootRef.current?.contains(document.activeElement) ?? false);
  });

  const live = issued !== undefined && countdown !== undefined && countdown.remainingMs > 0;
  const state: CredentialCodeState =
    issuer.phase === 'success'
      ? live
        ? 'active'
        : 'expired'
      : issuer.phase === 'ceremony'
        ? 'submitting'
        : issuer.phase;
  // How long the code lasts, as it was when shown: announced once, it does not follow the countdown.
  const seconds = countdown && deadline ? Math.max(0, Math.round((deadline - countdown.startedAt) / 1000)) : 0;

  const id = useId();
  const context: CredentialCodeContextValue = {
    issuer,
    state,
    messages: text,
    code: live ? issued.code : undefined,
    expiration: live ? issued.expiration : undefined,
    remainingMs: live ? countdown.remainingMs : undefined,
    link: live && linkFor ? linkFor(issued.code) : undefined,
    announcement: announcementFor(state, seconds, live ? countdown.remainingMs : undefined, text),
    errorText: issuer.phase === 'error' && issuer.error ? describeError(issuer.error, text.errors) : undefined,
    focusNewCode: state === 'expired' && focusNewCode,
    classNames,
    ids: { code: `${id}-code`, error: `${id}-error` },
  };
  return { context, divProps };
}
