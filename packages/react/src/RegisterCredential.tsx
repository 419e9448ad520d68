import { CredkitError, describeError, type ErrorMessages } from '@credkit/core';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { RecoveryCodeStep } from './RecoveryCodeStep.tsx';
import {
  type RegisterPasskeyPhase,
  type RegistrableCredentialKind,
  type UseRegisterPasskeyOptions,
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
  /** Texts shown in place of the default error messages, per error code. */
  errorMessages?: ErrorMessages;
}

/** The shortest password a PasswordProtectedKey accepts. */
export const MIN_PASSWORD_LENGTH = 8;

const KIND_TEXT: Record<RegistrableCredentialKind, { noun: string; submit: string; working: string }> = {
  Fido2: {
    noun: 'Passkey',
    submit: 'Register passkey',
    working: 'Follow your browser’s prompt to create the passkey…',
  },
  Key: { noun: 'Key', submit: 'Create key', working: 'Creating the key…' },
  PasswordProtectedKey: {
    noun: 'Password-protected key',
    submit: 'Create password-protected key',
    working: 'Creating the key and encrypting it with your password…',
  },
  RecoveryKey: {
    noun: 'Recovery key',
    submit: 'Create recovery key',
    working: 'Creating the key and encrypting it with your recovery code…',
  },
};

function statusText(phase: RegisterPasskeyPhase, kind: RegistrableCredentialKind): string {
  if (phase === 'challenge') return 'Preparing the request…';
  if (phase === 'ceremony') return KIND_TEXT[kind].working;
  if (phase === 'signing') return 'Confirm with an existing passkey…';
  if (phase === 'submitting') return `Saving the ${KIND_TEXT[kind].noun.toLowerCase()}…`;
  return '';
}

type LocalError = { field: 'name' | 'password' | 'confirmation'; message: string };

/**
 * A form that registers a credential: a passkey by default, or a key made in the browser (`kind`).
 * A name field, the kind's own fields (password and confirmation; the recovery code step), a submit
 * button, a Cancel button while the prompt is open, a polite live region that announces each phase,
 * and the outcome. Disabled while busy; works without CSS.
 */
export function RegisterCredential({
  kind = 'Fido2',
  label = 'Credential name',
  submitLabel = KIND_TEXT[kind].submit,
  defaultName = '',
  cancelLabel = 'Cancel',
  errorMessages,
  ...options
}: RegisterCredentialProps) {
  const [name, setName] = useState(defaultName);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);
  const [localError, setLocalError] = useState<LocalError | null>(null);
  const { phase, isBusy, register, cancel, credential, error } = useRegisterPasskey({
    ...options,
    kind,
    onRegistered: (created, key) => {
      setName('');
      setPassword('');
      setConfirmation('');
      // Shown once: gone as soon as the key it protects is registered.
      setRecoveryCode(null);
      if (key) options.onRegistered?.(created, key);
      else options.onRegistered?.(created);
    },
  });
  const capabilities = useWebAuthnCapabilities();
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
    if (name.trim() === '') return { field: 'name', message: 'Give the credential a name.' };
    if (kind !== 'PasswordProtectedKey') return null;
    if (password.length < MIN_PASSWORD_LENGTH) {
      return { field: 'password', message: `Use a password of at least ${MIN_PASSWORD_LENGTH} characters.` };
    }
    if (password !== confirmation) return { field: 'confirmation', message: 'The passwords do not match.' };
    return null;
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = check();
    setLocalError(problem);
    if (problem) return;
    if (kind === 'RecoveryKey') {
      const { generateRecoveryCode } = await import('@credkit/core/keys');
      setRecoveryCode(generateRecoveryCode());
      return;
    }
    register(name, kind === 'PasswordProtectedKey' ? { password } : undefined);
  };

  const errorText =
    localError?.message ?? (phase === 'error' && error ? describeError(error, errorMessages) : undefined);
  // A local problem points at its field; a registration error at the name field.
  const describedBy = (field: LocalError['field']) =>
    errorText && (localError?.field ?? 'name') === field ? ids.error : undefined;
  const announcement =
    phase === 'success' && credential
      ? `${KIND_TEXT[kind].noun} “${credential.name}” registered.`
      : statusText(phase, kind);
  const showRecoveryStep = kind === 'RecoveryKey' && recoveryCode !== null;

  // No WebAuthn here: say so instead of offering a button that cannot work.
  if (kind === 'Fido2' && capabilities.webAuthn === false && !options.credentials) {
    return (
      <div data-credkit="register-credential" data-kind={kind} data-state="unsupported">
        <p data-credkit-part="unsupported">
          {describeError(new CredkitError('unsupported'), errorMessages)} Try another browser or device.
        </p>
      </div>
    );
  }

  return (
    <form
      data-credkit="register-credential"
      data-kind={kind}
      data-state={phase}
      aria-busy={isBusy}
      onSubmit={onSubmit}
      noValidate
    >
      <label htmlFor={ids.name}>{label}</label>
      <input
        id={ids.name}
        name="credentialName"
        type="text"
        autoComplete="off"
        required
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          setLocalError(null);
        }}
        disabled={isBusy || showRecoveryStep}
        aria-invalid={describedBy('name') ? true : undefined}
        aria-describedby={describedBy('name')}
      />
      {kind === 'PasswordProtectedKey' ? (
        <>
          <label htmlFor={ids.password}>Password</label>
          <input
            id={ids.password}
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
              setLocalError(null);
            }}
            disabled={isBusy}
            aria-invalid={describedBy('password') ? true : undefined}
            aria-describedby={describedBy('password')}
          />
          <label htmlFor={ids.confirmation}>Confirm password</label>
          <input
            id={ids.confirmation}
            name="passwordConfirmation"
            type="password"
            autoComplete="new-password"
            required
            value={confirmation}
            onChange={(event) => {
              setConfirmation(event.target.value);
              setLocalError(null);
            }}
            disabled={isBusy}
            aria-invalid={describedBy('confirmation') ? true : undefined}
            aria-describedby={describedBy('confirmation')}
          />
        </>
      ) : null}
      {showRecoveryStep ? (
        <RecoveryCodeStep
          code={recoveryCode}
          credentialName={name}
          busy={isBusy}
          onConfirm={() => register(name, { recoveryCode })}
          onCancel={() => setRecoveryCode(null)}
        />
      ) : (
        <button type="submit" disabled={isBusy}>
          {submitLabel}
        </button>
      )}
      {phase === 'challenge' || phase === 'signing' || (phase === 'ceremony' && kind === 'Fido2') ? (
        <button type="button" onClick={cancel} data-credkit-part="cancel">
          {cancelLabel}
        </button>
      ) : null}
      <p role="status" aria-live="polite" data-credkit-part="status" tabIndex={-1} ref={statusRef}>
        {announcement}
      </p>
      {errorText ? (
        <p
          role="alert"
          id={ids.error}
          data-credkit-part="error"
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
