import { describeError, type ErrorMessages } from '@credkit/core';
import { type FormEvent, useId, useState } from 'react';
import { type RegisterPasskeyPhase, type UseRegisterPasskeyOptions, useRegisterPasskey } from './useRegisterPasskey.ts';

/** Props of {@link RegisterCredential}: the hook's options plus the texts. */
export interface RegisterCredentialProps extends UseRegisterPasskeyOptions {
  /** The accessible name (and visible label) of the name field. @defaultValue "Credential name" */
  label?: string;
  /** The submit button's text. @defaultValue "Register passkey" */
  submitLabel?: string;
  /** The name field's initial value. @defaultValue "" */
  defaultName?: string;
  /** The Cancel button's text (shown while the browser prompt is open). @defaultValue "Cancel" */
  cancelLabel?: string;
  /** Texts shown in place of the default error messages, per error code. */
  errorMessages?: ErrorMessages;
}

const statusText: Record<RegisterPasskeyPhase, string> = {
  idle: '',
  challenge: 'Preparing the passkey request…',
  ceremony: 'Follow your browser’s prompt to create the passkey…',
  submitting: 'Saving the passkey…',
  success: '',
  error: '',
};

/**
 * A form that registers a passkey: a name field, a submit button, a polite live region that
 * announces each phase, and the outcome. Disabled while busy; works without CSS.
 */
export function RegisterCredential({
  label = 'Credential name',
  submitLabel = 'Register passkey',
  defaultName = '',
  cancelLabel = 'Cancel',
  errorMessages,
  ...options
}: RegisterCredentialProps) {
  const { phase, isBusy, register, cancel, credential, error } = useRegisterPasskey({
    ...options,
    onRegistered: (created) => {
      setName('');
      options.onRegistered?.(created);
    },
  });
  const [name, setName] = useState(defaultName);
  const [nameMissing, setNameMissing] = useState(false);
  const id = useId();
  const inputId = `${id}-name`;
  const errorId = `${id}-error`;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (name.trim() === '') {
      setNameMissing(true);
      return;
    }
    setNameMissing(false);
    register(name);
  };

  const errorText = nameMissing
    ? 'Give the credential a name.'
    : phase === 'error' && error
      ? describeError(error, errorMessages)
      : undefined;
  const announcement =
    phase === 'success' && credential ? `Passkey “${credential.name}” registered.` : statusText[phase];

  return (
    <form data-credkit="register-credential" data-state={phase} aria-busy={isBusy} onSubmit={onSubmit} noValidate>
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        name="credentialName"
        type="text"
        autoComplete="off"
        required
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          setNameMissing(false);
        }}
        disabled={isBusy}
        aria-invalid={errorText ? true : undefined}
        aria-describedby={errorText ? errorId : undefined}
      />
      <button type="submit" disabled={isBusy}>
        {submitLabel}
      </button>
      {phase === 'challenge' || phase === 'ceremony' ? (
        <button type="button" onClick={cancel} data-credkit-part="cancel">
          {cancelLabel}
        </button>
      ) : null}
      <p role="status" aria-live="polite" data-credkit-part="status">
        {announcement}
      </p>
      {errorText ? (
        <p role="alert" id={errorId} data-credkit-part="error" data-code={nameMissing ? 'invalid-input' : error?.code}>
          {errorText}
        </p>
      ) : null}
    </form>
  );
}
