import { forwardRef } from 'react';
import { AuthenticatorChoices } from './AuthenticatorChoices.tsx';
import { Cancel } from './Cancel.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { NameField } from './NameField.tsx';
import { PasswordFields } from './PasswordFields.tsx';
import { RecoveryCodeStep } from './RecoveryCodeStep.tsx';
import { type RegisterCredentialRootProps, Root } from './Root.tsx';
import { Status } from './Status.tsx';
import { Submit } from './Submit.tsx';
import { Unsupported } from './Unsupported.tsx';

/** Props of {@link RegisterCredential}: those of its root (options, texts, controlled values, `<form>` attributes). */
export type RegisterCredentialProps = Omit<RegisterCredentialRootProps, 'children'>;

/**
 * A form that registers a credential: a passkey by default, or a key made in the browser (`kind`).
 * The name field, the kind's own fields (password and confirmation; the recovery code step), the
 * authenticator choices, a submit button, Cancel while the prompt is open, a polite live region that
 * announces each phase, and the outcome; where WebAuthn is missing, a clear fallback. Disabled while
 * busy; works without CSS. It is the parts below, composed as a host would: rearrange them with
 * `RegisterCredential.Root` and the other parts.
 */
const RegisterCredentialPreset = forwardRef<HTMLFormElement, RegisterCredentialProps>(
  function RegisterCredential(props, ref) {
    return (
      <Root {...props} ref={ref}>
        <NameField />
        <PasswordFields />
        <AuthenticatorChoices />
        <RecoveryCodeStep />
        <Submit />
        <Cancel />
        <Status />
        <ErrorMessage />
        <Unsupported />
      </Root>
    );
  },
);

/** `<RegisterCredential>`, and its parts to compose a form of the host's own. */
export const RegisterCredential = Object.assign(RegisterCredentialPreset, {
  /** The `<form>` that owns the registration; every other part goes inside it. */
  Root,
  /** The credential's name: label and text field. */
  NameField,
  /** PasswordProtectedKey: password and confirmation. */
  PasswordFields,
  /** Fido2: where to keep the passkey. */
  AuthenticatorChoices,
  /** RecoveryKey: the code, shown once, and its confirmation. */
  RecoveryCodeStep,
  /** The submit button. */
  Submit,
  /** Cancel, while the registration can be stopped. */
  Cancel,
  /** The live region that announces each phase and the success. */
  Status,
  /** The error, as an alert. */
  Error: ErrorMessage,
  /** The fallback where WebAuthn is missing. */
  Unsupported,
});
