import { CredkitError, describeError, type LoginResult } from '@credkit/core';
import {
  type AccountRecoveryResult,
  generateRecoveryCode,
  normalizeRecoveryCode,
  parseRecoveryKit,
} from '@credkit/core/keys';
import { type FormHTMLAttributes, useEffect, useId, useRef, useState } from 'react';
import { mergeMessages } from '../mergeMessages.ts';
import { composeEventHandlers } from '../primitives/composeEventHandlers.ts';
import { partClassName } from '../primitives/partClassName.ts';
import { type UseRecoverAccountOptions, useRecoverAccount } from '../useRecoverAccount.ts';
import type {
  MadeRecoveryKey,
  RecoverAccountContextValue,
  RecoverAccountField,
  RecoverAccountPart,
} from './recoverAccountContext.ts';
import {
  englishRecoverAccountMessages,
  type RecoverAccountMessages,
  type RecoverAccountMessagesInput,
} from './recoverAccountMessages.ts';

/** Options of `<RecoverAccount.Root>`: those of `useRecoverAccount`, the texts, and any `<form>` attribute. */
export interface RecoverAccountRootOptions
  extends UseRecoverAccountOptions,
    Omit<FormHTMLAttributes<HTMLFormElement>, 'onError' | 'children'> {
  /** The username to start with. @defaultValue "" */
  defaultUsername?: string;
  /** The new passkey's name to start with. @defaultValue "" (left blank, it is named after its provider) */
  defaultCredentialName?: string;
  /**
   * Whether "Also make a new recovery key" starts checked. Dfns ends every old credential on
   * recovery, the recovery key used included: without a new one, the account has none. @defaultValue true
   */
  defaultNewRecoveryKey?: boolean;
  /**
   * Called once the recovery succeeded (signed in, with `signInAfter`) and the person has saved the
   * new recovery key, if one was made: navigate away here, not in `onSignedIn`, or the key's code
   * is gone before it was seen.
   */
  onDone?: (recovery: AccountRecoveryResult, login: LoginResult | undefined) => void;
  /** Every text, by step, phase and error. English by default. */
  messages?: RecoverAccountMessagesInput;
  /** Class names per part, added to each part's own. */
  classNames?: Partial<Record<RecoverAccountPart, string>>;
}

const KIT_FIELDS: RecoverAccountField[] = [
  'username',
  'verificationCode',
  'credentialId',
  'recoveryCode',
  'credentialName',
];
/** With a `challengeSource`, the host knows its user and its backend needs no e-mailed code. */
const HOST_FIELDS: RecoverAccountField[] = ['credentialId', 'recoveryCode', 'credentialName'];

/** A field of the form, or the recovery kit: what a problem can be about. */
type ProblemField = RecoverAccountField | 'recoveryKit';

/** The field an error concerns, and its text. */
function aboutError(
  error: CredkitError,
  messages: RecoverAccountMessages,
  recovered: boolean,
  fields: readonly RecoverAccountField[],
): { field: ProblemField | null; text: string } {
  // The sign-in after the recovery failed: no field of the form is wrong.
  if (recovered) return { field: null, text: `${messages.signInFailed} ${describeError(error, messages.errors)}` };
  if (error.code === 'wrong-password') return { field: 'recoveryCode', text: messages.wrongRecoveryCode };
  if (error.code === 'no-signing-credential') return { field: 'credentialId', text: messages.unknownRecoveryKey };
  // Core refused what the person typed in a field (a username or a passkey name that breaks the name rule).
  const { field } = error;
  if (
    error.code === 'invalid-input' &&
    field !== undefined &&
    field !== 'password' &&
    field !== 'recoveryKit' &&
    fields.includes(field)
  ) {
    return { field, text: describeError(error, messages.errors) };
  }
  // Dfns checks the e-mailed code at /auth/recover/user/init: a refusal there is about that code.
  const status = error.status ?? 0;
  if (fields.includes('verificationCode') && error.phase === 'challenge' && status >= 400 && status < 500) {
    return { field: 'verificationCode', text: messages.codeRefused };
  }
  return { field: null, text: describeError(error, messages.errors) };
}

/**
 * The state of `<RecoverAccount.Root>`: the recovery (`useRecoverAccount`), the values and their
 * checks, the step, the error and the announcement, and the new recovery key until it is saved. The
 * parts only render it; submitting the form sends the code (step 1) or recovers (step 2).
 */
export function useRecoverAccountRoot({
  fetcher,
  orgId,
  challengeSource,
  completion,
  rp,
  timeout,
  ceremony,
  credentials,
  origin,
  signInAfter,
  onRecovered,
  onSignedIn,
  onError,
  onEvent,
  defaultUsername,
  defaultCredentialName,
  defaultNewRecoveryKey = true,
  onDone,
  messages: messagesInput,
  classNames = {},
  className,
  onSubmit,
  id,
  ...formProps
}: RecoverAccountRootOptions): {
  context: RecoverAccountContextValue;
  formProps: FormHTMLAttributes<HTMLFormElement>;
  /** The root's `data-state`: the step while idle, else the recovery's phase. */
  state: string;
} {
  const messages = mergeMessages(englishRecoverAccountMessages, messagesInput);
  const recovery = useRecoverAccount({
    fetcher,
    orgId,
    challengeSource,
    completion,
    rp,
    timeout,
    ceremony,
    credentials,
    origin,
    signInAfter,
    onRecovered,
    onSignedIn,
    onError,
    onEvent,
  });
  const [values, setValues] = useState<Record<RecoverAccountField, string>>({
    username: defaultUsername ?? '',
    verificationCode: '',
    credentialId: '',
    recoveryCode: '',
    credentialName: defaultCredentialName ?? '',
  });
  // A problem found before anything is sent: an empty field, text that is not a recovery code.
  const [problem, setProblem] = useState<{ field: ProblemField; text: string } | null>(null);
  // A recovery kit just read into the fields: announced until the person or a recovery moves on.
  const [kitRead, setKitRead] = useState(false);
  const site = rp?.id ?? (typeof location === 'undefined' ? undefined : location.hostname);
  const [newKeyRequested, setNewKeyRequested] = useState(defaultNewRecoveryKey);
  const [madeKey, setMadeKey] = useState<MadeRecoveryKey | null>(null);
  const [savedKeyId, setSavedKeyId] = useState<string | null>(null);
  // The new recovery code of the running recovery: shown once its key is registered, dropped otherwise.
  const pendingCode = useRef<string | null>(null);
  const [reached, setReached] = useState(false);
  if (recovery.codeStatus === 'sent' && !reached) setReached(true);
  const fromHost = challengeSource !== undefined;
  const step = reached || fromHost ? 'recover' : 'username';
  const fields = fromHost ? HOST_FIELDS : KIT_FIELDS;
  const baseId = useId();
  const formId = id ?? `${baseId}-form`;

  const { phase, result } = recovery;
  useEffect(() => {
    // Used: the recovery code is not kept, and the e-mailed code is spent.
    if (phase === 'success') setValues((v) => ({ ...v, recoveryCode: '', verificationCode: '' }));
  }, [phase]);
  const newKeyId = result?.recoveryKey?.credentialId;
  useEffect(() => {
    // Registered (even when the sign-in after it fails): its code is shown until the person saved it.
    const recoveryCode = pendingCode.current;
    if (newKeyId !== undefined && recoveryCode !== null) setMadeKey({ credentialId: newKeyId, recoveryCode });
    if (newKeyId !== undefined || phase === 'error') pendingCode.current = null;
  }, [newKeyId, phase]);
  const done = phase === 'success' && result !== undefined && (newKeyId === undefined || savedKeyId === newKeyId);
  const doneWith = useRef<AccountRecoveryResult | null>(null);
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;
  useEffect(() => {
    if (!done || !result || doneWith.current === result) return;
    doneWith.current = result;
    onDoneRef.current?.(result, recovery.login);
  }, [done, result, recovery.login]);

  const setValue = (field: RecoverAccountField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (problem?.field === field) setProblem(null);
    setKitRead(false);
  };
  const readRecoveryKit = (text: string | null) => {
    setKitRead(false);
    if (text === null) {
      setProblem({ field: 'recoveryKit', text: messages.recoveryKit.fileUnreadable });
      return;
    }
    let kit: ReturnType<typeof parseRecoveryKit>;
    try {
      kit = parseRecoveryKit(text);
    } catch (error) {
      const unreadable = error instanceof CredkitError ? error : new CredkitError('invalid-input', { cause: error });
      setProblem({ field: 'recoveryKit', text: messages.recoveryKit.unreadable(unreadable) });
      return;
    }
    if (kit.site !== undefined && site !== undefined && kit.site.toLowerCase() !== site.toLowerCase()) {
      setProblem({ field: 'recoveryKit', text: messages.recoveryKit.otherSite(kit.site, site) });
      return;
    }
    setValues((v) => ({ ...v, credentialId: kit.credentialId, recoveryCode: kit.recoveryCode }));
    setProblem(null);
    setKitRead(true);
  };
  /** The first empty field of `fields` that must be filled in, as the problem to show; null when none is. */
  const checkFilled = (fields: readonly RecoverAccountField[]) => {
    const empty = fields.find(
      (field): field is Exclude<RecoverAccountField, 'credentialName'> =>
        field !== 'credentialName' && values[field].trim() === '',
    );
    const found = empty ? { field: empty, text: messages.missing[empty] } : null;
    setProblem(found);
    return found;
  };
  const sendCode = () => {
    if (!checkFilled(['username'])) recovery.sendCode(values.username.trim());
  };
  const submit = () => {
    setKitRead(false);
    if (checkFilled(fields)) return;
    try {
      normalizeRecoveryCode(values.recoveryCode);
    } catch {
      setProblem({ field: 'recoveryCode', text: messages.notARecoveryCode });
      return;
    }
    // Kept until the recovery ends: a second submit in the same frame (ignored by the engine) must
    // not replace the code of the key being registered.
    if (newKeyRequested) pendingCode.current ??= generateRecoveryCode();
    const newRecoveryCode = newKeyRequested ? pendingCode.current : null;
    const credentialName = values.credentialName.trim();
    recovery.recover({
      ...(!fromHost && { username: values.username.trim(), verificationCode: values.verificationCode }),
      credentialId: values.credentialId.trim(),
      recoveryCode: values.recoveryCode,
      // Left blank, no name: core names the passkey after its provider (from its AAGUID), else "Passkey".
      ...(credentialName !== '' && { credentialName }),
      ...(newRecoveryCode !== null && { newRecoveryKey: { recoveryCode: newRecoveryCode } }),
    });
  };

  let invalidField: ProblemField | null = null;
  let errorText: string | null = null;
  if (problem) {
    ({ field: invalidField, text: errorText } = problem);
  } else if (phase === 'error' && recovery.error) {
    ({ field: invalidField, text: errorText } = aboutError(recovery.error, messages, result !== undefined, fields));
  } else if (recovery.codeStatus === 'error' && recovery.codeError && !recovery.isBusy) {
    invalidField = 'username';
    errorText = describeError(recovery.codeError, messages.errors);
  }

  let announcement = '';
  if (phase === 'success' && result) {
    announcement = messages.recovered(result.credential.name, recovery.login !== undefined, madeKey !== null);
  } else if (phase !== 'idle' && phase !== 'error' && phase !== 'success') {
    announcement = messages.status[phase];
  } else if (recovery.codeStatus === 'sending') {
    announcement = messages.codeSending;
  } else if (kitRead && phase === 'idle') {
    announcement = messages.recoveryKit.read;
  } else if (recovery.codeStatus === 'sent' && phase === 'idle') {
    announcement = messages.codeSent;
  }

  const context: RecoverAccountContextValue = {
    recovery,
    step,
    fields,
    values,
    setValue,
    invalidField,
    errorText,
    announcement,
    sendCode,
    submit,
    readRecoveryKit,
    site,
    newRecoveryKey: {
      requested: newKeyRequested,
      setRequested: setNewKeyRequested,
      made: madeKey,
      dismiss: () => {
        setSavedKeyId(madeKey?.credentialId ?? null);
        setMadeKey(null);
      },
    },
    ids: {
      form: formId,
      error: `${baseId}-error`,
      status: `${baseId}-status`,
      field: (field) => `${baseId}-${field}`,
    },
    classNames,
    messages,
  };
  return {
    context,
    formProps: {
      ...formProps,
      id: formId,
      className: partClassName(classNames, 'root', className),
      onSubmit: composeEventHandlers(onSubmit, (event) => {
        event.preventDefault();
        if (step === 'username') sendCode();
        else submit();
      }),
    },
    state: phase === 'idle' ? step : phase,
  };
}
