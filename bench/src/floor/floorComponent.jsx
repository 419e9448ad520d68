// Smallest plausible <RegisterCredential> (Fido2 only) over floorHook.js. Measuring stick, not shipped.

import { useEffect, useId, useRef, useState } from 'react';
import { CredkitError } from './fido2PathFloor.js';
import { useCapabilities, useRegisterPasskey } from './floorHook.js';

export const englishMessages = {
  nameLabel: 'Credential name',
  submit: 'Register passkey',
  cancel: 'Cancel',
  status: {
    challenge: 'Preparing the request…',
    ceremony: 'Follow your browser’s prompt to create the passkey…',
    signing: 'Confirm with an existing passkey…',
    submitting: 'Saving the passkey…',
  },
  registered: (name) => `Passkey “${name}” registered.`,
  nameMissing: 'Give the credential a name.',
  unsupportedHint: 'Try another browser or device.',
  choicesLegend: 'Where to keep the passkey',
  choices: { 'this-device': 'This device', 'security-key': 'Security key', phone: 'Phone or tablet' },
  errors: {},
};
const describe = (e, m, c = m[e.code]) => (c?.call ? c(e) : (c ?? e.message));

export function RegisterCredential({
  label,
  submitLabel,
  defaultName = '',
  cancelLabel,
  errorMessages,
  messages = {},
  className,
  classNames = {},
  authenticatorChoices = [],
  children,
  ...o
}) {
  const t = { ...englishMessages };
  for (const k in messages) t[k] = typeof t[k] == 'object' ? { ...t[k], ...messages[k] } : messages[k];
  const errors = { ...t.errors, ...errorMessages };
  const [name, setName] = useState(defaultName);
  const [bad, setBad] = useState(null);
  const [picked, setAuthenticator] = useState();
  const capabilities = useCapabilities();
  const choices =
    capabilities.webAuthn === false
      ? []
      : authenticatorChoices.filter((c) =>
          c == 'this-device'
            ? capabilities.platformAuthenticator !== false
            : c != 'phone' || capabilities.hybridTransport !== false,
        );
  const authenticator = choices.includes(picked) ? picked : choices[0];
  const hook = useRegisterPasskey({
    ...o,
    authenticator: authenticator ?? o.authenticator,
    onRegistered: (c) => (setName(''), o.onRegistered?.(c)),
  });
  const { phase, isBusy, error, credential } = hook;
  const statusRef = useRef(),
    errorRef = useRef();
  useEffect(() => {
    (phase == 'success' ? statusRef : phase == 'error' ? errorRef : {}).current?.focus();
  }, [phase]);
  const id = useId();
  const errorText = bad ?? (phase == 'error' && error ? describe(error, errors) : undefined);
  const announcement = phase == 'success' && credential ? t.registered(credential.name) : t.status[phase] || '';
  const root = { 'data-credkit': 'register-credential', 'data-kind': 'Fido2', className };
  const part = (p) => ({ 'data-credkit-part': p, className: classNames[p] });

  if (children)
    return (
      <>
        {children({
          ...hook,
          announcement,
          errorText,
          messages: t,
          capabilities,
          choices,
          authenticator,
          setAuthenticator,
        })}
      </>
    );
  // No WebAuthn here: say so instead of offering a button that cannot work.
  if (capabilities.webAuthn === false && !o.credentials)
    return (
      <div {...root} data-state="unsupported" data-phase="unsupported">
        <p {...part('unsupported')}>
          {describe(new CredkitError('unsupported'), errors)} {t.unsupportedHint}
        </p>
      </div>
    );
  return (
    <form
      {...root}
      data-state={phase}
      data-phase={phase}
      aria-busy={isBusy}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const b = name.trim() ? null : t.nameMissing;
        setBad(b);
        b || hook.register(name);
      }}
    >
      <label htmlFor={id + 'n'} {...part('label')}>
        {label ?? t.nameLabel}
      </label>
      <input
        {...part('input')}
        id={id + 'n'}
        name="credentialName"
        type="text"
        autoComplete="off"
        required
        disabled={isBusy}
        value={name}
        onChange={(e) => (setName(e.target.value), setBad(null))}
        aria-invalid={errorText ? true : undefined}
        aria-describedby={errorText && id + 'e'}
      />
      {choices.length > 1 && (
        <fieldset {...part('choices')} disabled={isBusy}>
          <legend>{t.choicesLegend}</legend>
          {choices.map((c) => (
            <label key={c} data-credkit-part="choice" data-choice={c}>
              <input
                type="radio"
                name={id}
                value={c}
                checked={authenticator == c}
                onChange={() => setAuthenticator(c)}
              />{' '}
              {t.choices[c]}
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit" disabled={isBusy} {...part('submit')}>
        {submitLabel ?? t.submit}
      </button>
      {/^(challenge|ceremony|signing)$/.test(phase) && (
        <button type="button" onClick={hook.cancel} {...part('cancel')}>
          {cancelLabel ?? t.cancel}
        </button>
      )}
      <p role="status" aria-live="polite" {...part('status')} data-state={phase} tabIndex={-1} ref={statusRef}>
        {announcement}
      </p>
      {errorText && (
        <p
          role="alert"
          id={id + 'e'}
          {...part('error')}
          data-code={bad ? 'invalid-input' : error?.code}
          tabIndex={-1}
          ref={errorRef}
        >
          {errorText}
        </p>
      )}
    </form>
  );
}
