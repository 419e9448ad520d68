import {
  type AuthenticatorChoice,
  availableAuthenticatorChoices,
  CredkitError,
  describeError,
  type ErrorMessages,
  type WebAuthnCapabilities,
} from '@credkit/core';
import {
  type FormEvent,
  type InputHTMLAttributes,
  type ReactElement,
  type ReactNode,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { AuthenticatorChoices } from './AuthenticatorChoices.tsx';
import { mergeMessages, type RegisterCredentialMessages, type RegisterCredentialMessagesInput } from './messages.ts';
import type { RecoveryCodeStep } from './RecoveryCodeStep.tsx';
import type { RecoveryCodeMessages } from './recoveryMessages.ts';
import {
  type UseRegisterPasskeyOptions,
  type UseRegisterPasskeyResult,
  useRegisterPasskey,
} from './useRegisterPasskey.ts';
import { useWebAuthnCapabilities } from './useWebAuthnCapabilities.ts';

/** Props of {@link RegisterCredential}: the hook's options plus the texts. */
export interface RegisterCredentialProps extends UseRegisterPasskeyOptions {
  /** The accessible name (and visible label) of the name field. @defaultValue "Credential name" */
  label?: string;
  /** The submit button's text. @defaultValue "Register passkey" (or the key kind's own) */
  submitLabel?: string;
  /** The name field's initial value. @defaultValue "" */
  defaultName?: string;
  /** The Cancel button's text (shown while the browser prompt is open). @defaultValue "Cancel" */
  cancelLabel?: string;
  /** Texts shown in place of the default error messages, per error code (same as `messages.errors`). */
  errorMessages?: ErrorMessages;
  /** Every text of the component, by phase, kind and error code: e.g. a translation. English by default. */
  messages?: RegisterCredentialMessagesInput;
  /** A class for the root element (the form). */
  className?: string;
  /** Classes per part; every part also carries `data-credkit-part="<part>"` to style by attribute. */
  classNames?: Partial<Record<RegisterCredentialPart, string>>;
  /**
   * Fido2: the authenticator choices to offer ("This device", "Security key", "Phone or tablet"),
   * in this order; those the browser cannot honour are hidden, and none is shown for fewer than two.
   * @defaultValue none: the browser decides
   */
  authenticatorChoices?: readonly AuthenticatorChoice[];
  /**
   * Own the markup: a function that gets the state and the actions and returns what to render
   * (the component then renders nothing of its own). The logic stays in the hook.
   */
  children?: (props: RegisterCredentialRenderProps) => ReactNode;
}

/** What a render-prop `children` of {@link RegisterCredential} gets: the hook's result and the texts to show. */
export interface RegisterCredentialRenderProps extends UseRegisterPasskeyResult {
  /** The live-region text for the current phase (empty when idle or failed). */
  announcement: string;
  /** The error text for the person, already through `messages.errors` / `errorMessages`. */
  errorText: string | undefined;
  /** Every text, merged with the English defaults. */
  messages: RegisterCredentialMessages;
  /** What the browser can do (`'unknown'` on the server and before detection). */
  capabilities: WebAuthnCapabilities;
  /** The authenticator choices the browser can honour, from `authenticatorChoices`. */
  choices: AuthenticatorChoice[];
  /** The selected authenticator choice. */
  authenticator: AuthenticatorChoice | undefined;
  /** Selects an authenticator choice for the next registration. */
  setAuthenticator: (choice: AuthenticatorChoice) => void;
}

/** The parts of `<RegisterCredential>` that `classNames` (and `data-credkit-part`) name. */
export type RegisterCredentialPart =
  | 'label'
  | 'input'
  | 'submit'
  | 'cancel'
  | 'status'
  | 'error'
  | 'unsupported'
  | 'choices'
  | 'recoveryCode';

/** The shortest password a PasswordProtectedKey accepts. */
export const MIN_PASSWORD_LENGTH = 8;

type LocalError = { field: 'name' | 'password' | 'confirmation'; message: string };

/**
 * A form that registers a credential: a passkey by default, or a key made in the browser (`kind`).
 * A name field, the kind's own fields (password and confirmation; the recovery code step), a submit
 * button, a Cancel button while the prompt is open, a polite live region that announces each phase,
 * and the outcome. Disabled while busy; works without CSS.
 */
export function RegisterCredential({
  kind = 'Fido2',
  label,
  submitLabel,
  defaultName = '',
  cancelLabel,
  errorMessages,
  messages: messagesInput,
  className,
  classNames = {},
  authenticatorChoices,
  children,
  ...options
}: RegisterCredentialProps): ReactElement {
  const text = mergeMessages(messagesInput);
  const errorTexts = { ...text.errors, ...errorMessages };
  const [name, setName] = useState(defaultName);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  // The recovery code, shown once, and its step: both load on first use of the kind, like the key crypto.
  const [recovery, setRecovery] = useState<{
    code: string;
    Step: typeof RecoveryCodeStep;
    english: RecoveryCodeMessages;
  } | null>(null);
  const [localError, setLocalError] = useState<LocalError | null>(null);
  const capabilities = useWebAuthnCapabilities();
  const choices =
    kind === 'Fido2' && authenticatorChoices ? availableAuthenticatorChoices(capabilities, authenticatorChoices) : [];
  const [picked, setAuthenticator] = useState<AuthenticatorChoice | undefined>(undefined);
  // The person's pick while it is still on offer, else the first choice offered.
  const authenticator = picked && choices.includes(picked) ? picked : choices[0];
  const hook = useRegisterPasskey({
    ...options,
    authenticator: authenticator ?? options.authenticator,
    kind,
    onRegistered: (created, key) => {
      setName('');
      setPassword('');
      setConfirmation('');
      // Shown once: gone as soon as the key it protects is registered.
      setRecovery(null);
      if (key) options.onRegistered?.(created, key);
      else options.onRegistered?.(created);
    },
  });
  const { phase, isBusy, register, cancel, credential, error } = hook;
  const statusRef = useRef<HTMLParagraphElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  // When the browser's sheet closes, put the person where the outcome is: the success message or the error.
  useEffect(() => {
    if (phase === 'success') statusRef.current?.focus();
    if (phase === 'error') errorRef.current?.focus();
  }, [phase]);
  const id = useId();
  const ids = {
    name: `${id}-name`,
    password: `${id}-password`,
    confirmation: `${id}-confirmation`,
    error: `${id}-error`,
  };

  const check = (): LocalError | null => {
    if (name.trim() === '') return { field: 'name', message: text.nameMissing };
    if (kind !== 'PasswordProtectedKey') return null;
    if (password.length < MIN_PASSWORD_LENGTH) {
      return { field: 'password', message: text.passwordTooShort(MIN_PASSWORD_LENGTH) };
    }
    if (password !== confirmation) return { field: 'confirmation', message: text.passwordMismatch };
    return null;
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = check();
    setLocalError(problem);
    if (problem) return;
    if (kind === 'RecoveryKey') {
      try {
        const { generateRecoveryCode, RecoveryCodeStep, englishRecoveryMessages } = await import('./recoveryKind.ts');
        setRecovery({ code: generateRecoveryCode(), Step: RecoveryCodeStep, english: englishRecoveryMessages });
      } catch (cause) {
        // The step's chunk did not load (offline, or gone after a deploy): say so, don't sit silent.
        setLocalError({ field: 'name', message: describeError(new CredkitError('network', { cause }), errorTexts) });
      }
      return;
    }
    register(name, kind === 'PasswordProtectedKey' ? { password } : undefined);
  };

  const errorText = localError?.message ?? (phase === 'error' && error ? describeError(error, errorTexts) : undefined);
  // A local problem points at its field; a registration error at the name field.
  const describedBy = (field: LocalError['field']) =>
    errorText && (localError?.field ?? 'name') === field ? ids.error : undefined;
  const announcement =
    phase === 'success' && credential
      ? text.registered(kind, credential.name)
      : phase === 'challenge' || phase === 'signing'
        ? text.status[phase]
        : phase === 'ceremony' || phase === 'submitting'
          ? text.status[phase][kind]
          : '';
  const showRecoveryStep = kind === 'RecoveryKey' && recovery !== null;
  // A labelled, required text field; its error (local or the registration's) is tied to it by aria-describedby.
  const field = (
    key: LocalError['field'],
    labelText: string,
    value: string,
    setValue: (value: string) => void,
    props: InputHTMLAttributes<HTMLInputElement>,
  ) => (
    <>
      <label htmlFor={ids[key]} data-credkit-part="label" className={classNames.label}>
        {labelText}
      </label>
      <input
        {...props}
        id={ids[key]}
        data-credkit-part="input"
        className={classNames.input}
        required
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setLocalError(null);
        }}
        aria-invalid={describedBy(key) ? true : undefined}
        aria-describedby={describedBy(key)}
      />
    </>
  );

  if (children) {
    // In a fragment: the component returns a ReactElement, which React 18's types accept too.
    return (
      <>
        {children({
          ...hook,
          announcement,
          errorText,
          messages: text,
          capabilities,
          choices,
          authenticator,
          setAuthenticator,
        })}
      </>
    );
  }

  // No WebAuthn here: say so instead of offering a button that cannot work.
  if (kind === 'Fido2' && capabilities.webAuthn === false && !options.credentials) {
    return (
      <div
        data-credkit="register-credential"
        data-kind={kind}
        data-state="unsupported"
        data-phase="unsupported"
        className={className}
      >
        <p data-credkit-part="unsupported" className={classNames.unsupported}>
          {describeError(new CredkitError('unsupported'), errorTexts)} {text.unsupportedHint}
        </p>
      </div>
    );
  }

  return (
    <form
      data-credkit="register-credential"
      data-kind={kind}
      data-state={phase}
      data-phase={phase}
      className={className}
      aria-busy={isBusy}
      onSubmit={onSubmit}
      noValidate
    >
      {field('name', label ?? text.nameLabel, name, setName, {
        name: 'credentialName',
        type: 'text',
        autoComplete: 'off',
        disabled: isBusy || showRecoveryStep,
      })}
      {kind === 'PasswordProtectedKey' ? (
        <>
          {field('password', text.passwordLabel, password, setPassword, {
            name: 'password',
            type: 'password',
            autoComplete: 'new-password',
            minLength: MIN_PASSWORD_LENGTH,
            disabled: isBusy,
          })}
          {field('confirmation', text.confirmationLabel, confirmation, setConfirmation, {
            name: 'passwordConfirmation',
            type: 'password',
            autoComplete: 'new-password',
            disabled: isBusy,
          })}
        </>
      ) : null}
      <AuthenticatorChoices
        choices={choices}
        value={authenticator}
        onChange={setAuthenticator}
        legend={text.choicesLegend}
        labels={text.choices}
        disabled={isBusy}
        className={classNames.choices}
      />
      {showRecoveryStep ? (
        <recovery.Step
          code={recovery.code}
          credentialName={name}
          busy={isBusy}
          messages={{ ...recovery.english, ...text.recovery }}
          className={classNames.recoveryCode}
          onConfirm={() => register(name, { recoveryCode: recovery.code })}
          onCancel={() => setRecovery(null)}
        />
      ) : (
        <button type="submit" disabled={isBusy} data-credkit-part="submit" className={classNames.submit}>
          {submitLabel ?? text.submit[kind]}
        </button>
      )}
      {phase === 'challenge' || phase === 'signing' || (phase === 'ceremony' && kind === 'Fido2') ? (
        <button type="button" onClick={cancel} data-credkit-part="cancel" className={classNames.cancel}>
          {cancelLabel ?? text.cancel}
        </button>
      ) : null}
      <p
        role="status"
        aria-live="polite"
        data-credkit-part="status"
        data-state={phase}
        className={classNames.status}
        tabIndex={-1}
        ref={statusRef}
      >
        {announcement}
      </p>
      {errorText ? (
        <p
          role="alert"
          id={ids.error}
          data-credkit-part="error"
          className={classNames.error}
          data-code={localError ? 'invalid-input' : error?.code}
          tabIndex={-1}
          ref={errorRef}
        >
          {errorText}
        </p>
      ) : null}
    </form>
  );
}
