import { type CredkitError, describeError } from '@credkit/core';
import { type FormHTMLAttributes, forwardRef, type ReactNode, useEffect, useId, useState } from 'react';
import { type UseRecoverAccountOptions, useRecoverAccount } from '../useRecoverAccount.ts';
import {
  RecoverAccountContext,
  type RecoverAccountContextValue,
  type RecoverAccountField,
  type RecoverAccountPart,
  recoverPartClassName,
} from './recoverAccountContext.ts';
import {
  mergeRecoverAccountMessages,
  type RecoverAccountMessages,
  type RecoverAccountMessagesInput,
} from './recoverAccountMessages.ts';

/** Props of {@link Root}: the options of `useRecoverAccount`, the texts, and any `<form>` attribute. */
export interface RecoverAccountRootProps
  extends UseRecoverAccountOptions,
    Omit<FormHTMLAttributes<HTMLFormElement>, 'onError' | 'children'> {
  /** The username to start with. @defaultValue "" */
  defaultUsername?: string;
  /** The new passkey's name to start with. @defaultValue "" */
  defaultCredentialName?: string;
  /** Every text, by step, phase and error. English by default. */
  messages?: RecoverAccountMessagesInput;
  /** Class names per part, added to each part's own. */
  classNames?: Partial<Record<RecoverAccountPart, string>>;
  /** The parts, in any layout. */
  children?: ReactNode;
}

const STEP2: RecoverAccountField[] = ['verificationCode', 'credentialId', 'recoveryCode', 'credentialName'];

/** The field an error concerns, and its text. */
function aboutError(
  error: CredkitError,
  messages: RecoverAccountMessages,
): { field: RecoverAccountField | null; text: string } {
  if (error.code === 'wrong-password') return { field: 'recoveryCode', text: messages.wrongRecoveryCode };
  if (error.code === 'no-signing-credential') return { field: 'credentialId', text: messages.unknownRecoveryKey };
  // Dfns checks the e-mailed code at /auth/recover/user/init: a refusal there is about that code.
  const status = error.status ?? 0;
  if (error.phase === 'challenge' && status >= 400 && status < 500) {
    return { field: 'verificationCode', text: messages.codeRefused };
  }
  return { field: null, text: describeError(error, messages.errors) };
}

/**
 * The `<form>` of an account recovery: step 1 the username (submit sends the e-mailed code), step 2
 * the code, the recovery key ID and code, and the new passkey's name (submit recovers). It owns
 * `useRecoverAccount` and the values; the recovery code is never cached by the browser and is
 * cleared once used. Every `RecoverAccount` part goes inside it.
 */
export const Root = forwardRef<HTMLFormElement, RecoverAccountRootProps>(function Root(
  {
    fetcher,
    orgId,
    rp,
    timeout,
    ceremony,
    credentials,
    origin,
    signInAfter,
    onRecovered,
    onSignedIn,
    onError,
    defaultUsername,
    defaultCredentialName,
    messages: messagesInput,
    classNames = {},
    className,
    onSubmit,
    id,
    children,
    ...formProps
  },
  ref,
) {
  const messages = mergeRecoverAccountMessages(messagesInput);
  const recovery = useRecoverAccount({
    fetcher,
    orgId,
    rp,
    timeout,
    ceremony,
    credentials,
    origin,
    signInAfter,
    onRecovered,
    onSignedIn,
    onError,
  });
  const [values, setValues] = useState<Record<RecoverAccountField, string>>({
    username: defaultUsername ?? '',
    verificationCode: '',
    credentialId: '',
    recoveryCode: '',
    credentialName: defaultCredentialName ?? '',
  });
  const [missing, setMissing] = useState<RecoverAccountField | null>(null);
  const [reached, setReached] = useState(false);
  if (recovery.codeStatus === 'sent' && !reached) setReached(true);
  const step = reached ? 'recover' : 'username';
  const baseId = useId();
  const formId = id ?? `${baseId}-form`;

  const { phase } = recovery;
  useEffect(() => {
    // Used: the recovery code is not kept, and the e-mailed code is spent.
    if (phase === 'success') setValues((v) => ({ ...v, recoveryCode: '', verificationCode: '' }));
  }, [phase]);

  const setValue = (field: RecoverAccountField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (missing === field) setMissing(null);
  };
  const firstEmpty = (fields: RecoverAccountField[]) => fields.find((field) => values[field].trim() === '') ?? null;
  const sendCode = () => {
    const empty = firstEmpty(['username']);
    setMissing(empty);
    if (!empty) recovery.sendCode(values.username.trim());
  };
  const submit = () => {
    const empty = firstEmpty(['username', ...STEP2]);
    setMissing(empty);
    if (empty) return;
    recovery.recover({
      username: values.username.trim(),
      verificationCode: values.verificationCode,
      credentialId: values.credentialId.trim(),
      recoveryCode: values.recoveryCode,
      credentialName: values.credentialName.trim(),
    });
  };

  let invalidField: RecoverAccountField | null = null;
  let errorText: string | null = null;
  if (missing) {
    invalidField = missing;
    errorText = messages.missing[missing];
  } else if (phase === 'error' && recovery.error) {
    ({ field: invalidField, text: errorText } = aboutError(recovery.error, messages));
  } else if (recovery.codeStatus === 'error' && recovery.codeError && !recovery.isBusy) {
    invalidField = 'username';
    errorText = describeError(recovery.codeError, messages.errors);
  }

  let announcement = '';
  if (phase === 'success' && recovery.result) {
    announcement = messages.recovered(recovery.result.credential.name, recovery.login !== undefined);
  } else if (phase !== 'idle' && phase !== 'error' && phase !== 'success') {
    announcement = messages.status[phase];
  } else if (recovery.codeStatus === 'sending') {
    announcement = messages.codeSending;
  } else if (recovery.codeStatus === 'sent' && phase === 'idle') {
    announcement = messages.codeSent;
  }

  const context: RecoverAccountContextValue = {
    recovery,
    step,
    values,
    setValue,
    invalidField,
    errorText,
    announcement,
    sendCode,
    submit,
    ids: { form: formId, error: `${baseId}-error`, field: (field) => `${baseId}-${field}` },
    classNames,
    messages,
  };
  const state = phase === 'idle' ? step : phase;
  return (
    <RecoverAccountContext.Provider value={context}>
      <form
        noValidate
        {...formProps}
        ref={ref}
        id={formId}
        data-credkit-part="root"
        data-state={state}
        data-busy={recovery.isBusy ? '' : undefined}
        aria-busy={recovery.isBusy}
        className={recoverPartClassName(classNames, 'root', className)}
        onSubmit={(event) => {
          onSubmit?.(event);
          if (event.defaultPrevented) return;
          event.preventDefault();
          if (step === 'username') sendCode();
          else submit();
        }}
      >
        {children}
      </form>
    </RecoverAccountContext.Provider>
  );
});
