import { describeError, type PasskeyLoginOptions } from '@credkit/core';
import { type FormHTMLAttributes, forwardRef, type ReactNode, useEffect, useId, useState } from 'react';
import { mergeMessages } from '../mergeMessages.ts';
import { composeEventHandlers } from '../primitives/composeEventHandlers.ts';
import { useControllableState } from '../primitives/useControllableState.ts';
import { usePasskeyAutofill } from '../usePasskeyAutofill.ts';
import { usePasskeyLogin } from '../usePasskeyLogin.ts';
import { SignInContext, type SignInContextValue, type SignInPart, type SignInState } from './signInContext.ts';
import { englishSignInMessages, type SignInMessagesInput } from './signInMessages.ts';

/**
 * Props of {@link Root}: the sign-in's options (those of `usePasskeyLogin`: fetcher, orgId, rpId,
 * ceremony, `onSignedIn`, `onError`, `onEvent`), the autofill switch, the username, texts and
 * classes, and any attribute of a `<form>`.
 */
export interface SignInRootProps
  extends Omit<PasskeyLoginOptions, 'mediation'>,
    Omit<FormHTMLAttributes<HTMLFormElement>, 'onError' | 'children'> {
  /**
   * Offer this site's passkeys in the username field's autofill while the form is shown (a
   * conditional `get()`, where the browser supports it); the button's prompt replaces it silently.
   * @defaultValue true
   */
  autofill?: boolean;
  /** The username, controlled by the host (with `onUsernameChange`). */
  username?: string;
  /** The username the field starts with. @defaultValue "" */
  defaultUsername?: string;
  /** Called with each new value of the username field. */
  onUsernameChange?: (value: string) => void;
  /** Texts to replace the English ones. */
  messages?: SignInMessagesInput;
  /** A class per part. */
  classNames?: Partial<Record<SignInPart, string>>;
  /** The parts, in any layout. */
  children?: ReactNode;
}

/**
 * The root of a passkey sign-in form: a `<form>` whose submit signs in with a passkey (of the typed
 * username, or any passkey of this site when the field is left empty), and which, while it is shown,
 * offers the site's passkeys in the username field's autofill (`autofill`). Both share the page's one
 * prompt by credkit's rule: the button's replaces the autofill's silently, which asks again after a
 * failed or cancelled one; unmounting ends it. It carries `data-state`, `data-autofill` (the
 * autofill's status), `data-busy` and `aria-busy`.
 */
export const Root = forwardRef<HTMLFormElement, SignInRootProps>(function Root(
  {
    fetcher,
    orgId,
    rpId,
    timeout,
    watchdogGraceMs,
    ceremony,
    credentials,
    onSignedIn,
    onError,
    onEvent,
    autofill: autofillEnabled = true,
    username: usernameProp,
    defaultUsername,
    onUsernameChange,
    messages: messagesInput,
    classNames = {},
    id,
    onSubmit,
    children,
    ...formProps
  },
  ref,
) {
  const messages = mergeMessages(englishSignInMessages, messagesInput);
  const [username, setUsername] = useControllableState(usernameProp, defaultUsername ?? '', onUsernameChange);
  const flow = { fetcher, orgId, rpId, timeout, watchdogGraceMs, ceremony, credentials, onSignedIn, onError, onEvent };
  const login = usePasskeyLogin(flow);
  const autofill = usePasskeyAutofill({ ...flow, enabled: autofillEnabled });

  // A passkey picked in the autofill is the newest attempt: the button's last error no longer applies.
  const { reset } = login;
  const picked = autofill.status === 'submitting' && login.phase === 'error';
  useEffect(() => {
    if (picked) reset();
  }, [picked, reset]);

  // A dismissed autofill is the person's choice, even when the autofill stopped after it: not an error.
  const autofillError = autofill.error?.code === 'cancelled' ? null : autofill.error;
  const state = signInState(login.phase, autofill.status, autofillError !== null);
  const error = login.phase === 'error' ? login.error : state === 'error' ? autofillError : null;
  const [errorParts, setErrorParts] = useState(0);
  const base = useId();
  const ids = {
    form: id ?? `${base}-form`,
    username: `${base}-username`,
    error: `${base}-error`,
  };

  const context: SignInContextValue = {
    state,
    login,
    autofill: autofill.status,
    error,
    errorText: error ? describeError(error, messages.errors) : undefined,
    username,
    setUsername,
    announcement: announcement(state, messages),
    messages,
    classNames,
    ids,
    registerErrorPart: () => {
      setErrorParts((count) => count + 1);
      return () => setErrorParts((count) => count - 1);
    },
    errorShown: errorParts > 0,
  };

  const submit = composeEventHandlers(onSubmit, (event) => {
    event.preventDefault();
    if (login.isBusy) return;
    login.signIn(username.trim() || undefined);
  });

  return (
    <SignInContext.Provider value={context}>
      <form
        noValidate
        {...formProps}
        ref={ref}
        id={ids.form}
        onSubmit={submit}
        data-credkit="sign-in"
        data-state={state}
        data-autofill={autofill.status}
        data-busy={login.isBusy ? '' : undefined}
        aria-busy={login.isBusy}
      >
        {children}
      </form>
    </SignInContext.Provider>
  );
});

/** The form's state: the button's sign-in while it runs or after it, else a passkey picked in the autofill. */
function signInState(
  phase: SignInContextValue['login']['phase'],
  autofill: SignInContextValue['autofill'],
  autofillFailed: boolean,
): SignInState {
  if (autofill === 'submitting' || autofill === 'success') return autofill;
  if (phase !== 'idle') return phase;
  return autofillFailed ? 'error' : 'idle';
}

function announcement(state: SignInState, messages: SignInContextValue['messages']): string {
  if (state === 'challenge' || state === 'signing' || state === 'submitting') return messages.status[state];
  return state === 'success' ? messages.signedIn : '';
}
