import {
  type AuthenticatorChoice,
  availableAuthenticatorChoices,
  CredkitError,
  describeError,
  type RegistrableCredentialKind,
} from '@credkit/core';
import { type FormHTMLAttributes, useEffect, useId, useRef, useState } from 'react';
import { mergeMessages } from '../mergeMessages.ts';
import { composeEventHandlers } from '../primitives/composeEventHandlers.ts';
import { useControllableState } from '../primitives/useControllableState.ts';
import {
  englishRegisterCredentialMessages,
  type RegisterCredentialMessages,
  type RegisterCredentialMessagesInput,
} from '../registerCredentialMessages.ts';
import {
  type UseRegisterCredentialOptions,
  type UseRegisterCredentialResult,
  useRegisterCredential,
} from '../useRegisterCredential.ts';
import { useWebAuthnCapabilities } from '../useWebAuthnCapabilities.ts';
import {
  type FieldError,
  MIN_PASSWORD_LENGTH,
  type RecoveryStep,
  type RegisterCredentialContextValue,
  type RegisterCredentialPart,
} from './registerCredentialContext.ts';

/** Options of the form's state: the hook's options, the texts, and the values a host may control. */
export interface RegisterCredentialFormOptions extends Omit<UseRegisterCredentialOptions, 'authenticator'> {
  /** Every text of the form, by phase, kind and error code: e.g. a translation. English by default. */
  messages?: RegisterCredentialMessagesInput;
  /** Classes per part; every part also carries `data-credkit-part="<part>"` to style by attribute. */
  classNames?: Partial<Record<RegisterCredentialPart, string>>;
  /**
   * Fido2: the authenticator choices to offer ("This device", "Security key", "Phone or tablet"),
   * in this order; those the browser cannot honour are hidden, and none is shown for fewer than two.
   * @defaultValue none: the browser decides
   */
  authenticatorChoices?: readonly AuthenticatorChoice[];
  /** The credential name, controlled by the host (with `onCredentialNameChange`). */
  credentialName?: string;
  /** The credential name's initial value, when the form owns it. @defaultValue "" */
  defaultCredentialName?: string;
  /** Called with each new value of the name field. */
  onCredentialNameChange?: (value: string) => void;
  /**
   * Fido2: the authenticator choice, controlled by the host (with `onAuthenticatorChange`). Without
   * choices on offer, it is sent as it is; with choices, only while it is one of them.
   */
  authenticator?: AuthenticatorChoice;
  /** The authenticator choice's initial value, when the form owns it. @defaultValue the first choice offered */
  defaultAuthenticator?: AuthenticatorChoice;
  /** Called with the choice the person picks. */
  onAuthenticatorChange?: (choice: AuthenticatorChoice) => void;
  /**
   * Checks of the host's own, run on each submit before the form's (the name, the password): return
   * false to stop there, having shown the problem. @defaultValue none
   */
  validate?: () => boolean;
  /**
   * RecoveryKey: the account the recovery kit names (written with the key's ID and code in what Copy
   * and Download give). @defaultValue none: the kit names no username
   */
  username?: string;
}

/**
 * The form's options, plus any attribute of the `<form>` (passed through). `onSubmit` runs first; calling
 * `event.preventDefault()` in it stops the registration.
 */
export interface RegisterCredentialFormProps
  extends RegisterCredentialFormOptions,
    Omit<FormHTMLAttributes<HTMLFormElement>, 'onError' | 'children'> {}

function checkFields(
  kind: RegistrableCredentialKind,
  nameRequired: boolean,
  credentialName: string,
  password: string,
  confirmation: string,
  text: RegisterCredentialMessages,
): FieldError | null {
  // A blank passkey name goes to core as it is: core names the passkey after its provider.
  if (nameRequired && credentialName.trim() === '') return { field: 'name', message: text.nameMissing };
  if (kind !== 'PasswordProtectedKey') return null;
  if (password.length < MIN_PASSWORD_LENGTH) {
    return { field: 'password', message: text.passwordTooShort(MIN_PASSWORD_LENGTH) };
  }
  if (password !== confirmation) return { field: 'confirmation', message: text.passwordMismatch };
  return null;
}

/** The registration's error as a field's problem, when core names the field the person typed wrong. */
function fieldOfError(error: CredkitError | null, text: RegisterCredentialMessages): FieldError | null {
  if (error?.code !== 'invalid-input') return null;
  const field = error.field === 'credentialName' ? 'name' : error.field === 'password' ? 'password' : null;
  return field === null ? null : { field, message: describeError(error, text.errors) };
}

function announcementFor(
  { phase, credential }: UseRegisterCredentialResult,
  kind: RegistrableCredentialKind,
  text: RegisterCredentialMessages,
): string {
  if (phase === 'success' && credential) return text.registered(kind, credential.name, credential.credentialId);
  if (phase === 'challenge' || phase === 'signing') return text.status[phase];
  if (phase === 'ceremony' || phase === 'submitting') return text.status[phase][kind];
  return '';
}

/**
 * The state of `<RegisterCredential.Root>`: the registration (the engine, through
 * `useRegisterCredential`), the fields and their checks, the authenticator choice and the recovery
 * code step. The parts only render it.
 */
export function useRegisterCredentialForm({
  // What the registration needs (useRegisterCredential's options) …
  kind = 'Fido2',
  fetcher,
  challengeSource,
  completion,
  rp,
  timeout,
  watchdogGraceMs,
  prefetchChallenge,
  challengeMaxAgeMs,
  onRegistered,
  onError,
  onEvent,
  ceremony,
  credentials,
  userActionSigner,
  // … what the form adds …
  messages: messagesInput,
  classNames = {},
  authenticatorChoices,
  credentialName: credentialNameProp,
  defaultCredentialName = '',
  onCredentialNameChange,
  authenticator: authenticatorProp,
  defaultAuthenticator,
  onAuthenticatorChange,
  validate,
  username,
  // … and the <form>'s own attributes.
  onSubmit,
  ...formProps
}: RegisterCredentialFormProps): {
  context: RegisterCredentialContextValue;
  formProps: FormHTMLAttributes<HTMLFormElement>;
} {
  const text = mergeMessages(englishRegisterCredentialMessages, messagesInput);
  const [credentialName, setCredentialName] = useControllableState(
    credentialNameProp,
    defaultCredentialName,
    onCredentialNameChange,
  );
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [fieldError, setFieldError] = useState<FieldError | null>(null);
  const [recoveryStep, setRecovery] = useState<RecoveryStep | null>(null);
  // The code belongs to a RecoveryKey: another kind never shows (nor registers) it.
  const recovery = kind === 'RecoveryKey' ? recoveryStep : null;
  useEffect(() => {
    if (kind !== 'RecoveryKey') setRecovery(null);
  }, [kind]);
  const loadingRecovery = useRef(false);
  // How many Error parts are mounted: fields point at the error text only when it is on the page.
  const [errorParts, setErrorParts] = useState(0);
  const capabilities = useWebAuthnCapabilities();
  const choices =
    kind === 'Fido2' && authenticatorChoices ? availableAuthenticatorChoices(capabilities, authenticatorChoices) : [];
  const [picked, setAuthenticator] = useControllableState<AuthenticatorChoice | undefined>(
    authenticatorProp,
    defaultAuthenticator,
    onAuthenticatorChange,
  );
  // Without choices on offer, the host's value is sent as it is; with choices, the pick while it is on offer, else the first.
  const authenticator = choices.length === 0 ? picked : picked && choices.includes(picked) ? picked : choices[0];

  // The password stays on the page only while it may still be used: not after the attempt ends.
  const forgetPassword = () => {
    setPassword('');
    setConfirmation('');
  };
  const registration = useRegisterCredential({
    kind,
    fetcher,
    challengeSource,
    completion,
    rp,
    timeout,
    watchdogGraceMs,
    prefetchChallenge,
    challengeMaxAgeMs,
    onError: (failure) => {
      forgetPassword();
      onError?.(failure);
    },
    onEvent,
    ceremony,
    credentials,
    userActionSigner,
    authenticator,
    onRegistered: (created, key) => {
      setCredentialName('');
      forgetPassword();
      // Shown once: gone as soon as the key it protects is registered.
      setRecovery(null);
      onRegistered?.(created, key);
    },
  });

  const id = useId();
  const ids = {
    form: formProps.id ?? `${id}-form`,
    name: `${id}-name`,
    password: `${id}-password`,
    confirmation: `${id}-confirmation`,
    error: `${id}-error`,
  };
  const unsupported = kind === 'Fido2' && capabilities.webAuthn === false && !credentials;
  const error = registration.phase === 'error' ? registration.error : null;
  const nameRequired = kind !== 'Fido2';

  const showRecoveryStep = async () => {
    loadingRecovery.current = true;
    try {
      const { newRecoveryKey, RecoveryCodeStep, englishRecoveryMessages } = await import(
        '../RecoveryCode/recoveryKind.ts'
      );
      setRecovery({
        ...newRecoveryKey(),
        // What the kit names besides the key: the account, and the site (the Step falls back on the page's host).
        username,
        site: rp?.id,
        Step: RecoveryCodeStep,
        messages: { ...englishRecoveryMessages, ...text.recovery },
      });
    } catch (cause) {
      // The step's chunk did not load (offline, or gone after a deploy): say so, don't sit silent.
      setFieldError({ field: 'name', message: describeError(new CredkitError('network', { cause }), text.errors) });
    } finally {
      loadingRecovery.current = false;
    }
  };
  // A problem found here, else one core found in what the person typed: either is shown on its field.
  const problem = fieldError ?? fieldOfError(error, text);
  const errorText = problem?.message ?? (error ? describeError(error, text.errors) : undefined);

  const context: RegisterCredentialContextValue = {
    kind,
    registration: {
      ...registration,
      reset: () => {
        forgetPassword();
        registration.reset();
      },
    },
    state: unsupported ? 'unsupported' : registration.phase,
    disabled: registration.isBusy || recovery !== null,
    messages: text,
    nameRequired,
    credentialName,
    setCredentialName: (value) => {
      setCredentialName(value);
      setFieldError(null);
    },
    password,
    setPassword: (value) => {
      setPassword(value);
      setFieldError(null);
    },
    confirmation,
    setConfirmation: (value) => {
      setConfirmation(value);
      setFieldError(null);
    },
    choices,
    authenticator,
    setAuthenticator,
    fieldError: problem,
    errorText,
    errorCode: problem ? 'invalid-input' : error?.code,
    describedBy: (field) =>
      errorText !== undefined && errorParts > 0 && (problem?.field ?? 'name') === field ? ids.error : undefined,
    registerErrorPart: () => {
      setErrorParts((count) => count + 1);
      return () => setErrorParts((count) => count - 1);
    },
    announcement: announcementFor(registration, kind, text),
    recovery,
    confirmRecovery: () => {
      if (recovery) {
        registration.register(credentialName, { recoveryCode: recovery.code, credentialId: recovery.credentialId });
      }
    },
    discardRecovery: () => setRecovery(null),
    submit: () => {
      // Once the recovery code is on screen (or loading), only its own Finish or Discard goes on.
      if (registration.isBusy || unsupported || recovery || loadingRecovery.current) return;
      if (validate && !validate()) return;
      const problem = checkFields(kind, nameRequired, credentialName, password, confirmation, text);
      setFieldError(problem);
      if (problem) return;
      if (kind === 'RecoveryKey') {
        void showRecoveryStep();
        return;
      }
      registration.register(credentialName, kind === 'PasswordProtectedKey' ? { password } : undefined);
    },
    classNames,
    ids,
  };
  return {
    context,
    formProps: {
      ...formProps,
      id: ids.form,
      onSubmit: composeEventHandlers(onSubmit, (event) => {
        event.preventDefault();
        context.submit();
      }),
    },
  };
}
