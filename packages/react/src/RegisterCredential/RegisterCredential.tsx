import { forwardRef } from 'react';
import { AuthenticatorChoicesPart } from './AuthenticatorChoicesPart.tsx';
import { Cancel } from './Cancel.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { NameField } from './NameField.tsx';
import { PasswordFields } from './PasswordFields.tsx';
import { RecoveryCodePart } from './RecoveryCodePart.tsx';
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
        <RegisterCredentialLayout />
      </Root>
    );
  },
);

/**
 * The default layout of the parts, inside a root: `<RegisterCredential>`'s whole form, and
 * `<RegisterWithCode>`'s after its code field. A kind's own parts (the password fields, the recovery
 * code step) render, and load their code, only for that kind.
 */
export function RegisterCredentialLayout() {
  return (
    <>
      <NameField />
      <PasswordFields />
      <AuthenticatorChoicesPart />
      <RecoveryCodePart />
      <Submit />
      <Cancel />
      <Status />
      <ErrorMessage />
      <Unsupported />
    </>
  );
}

/** The parts every registration form shares: `<RegisterCredential>`'s, and `<RegisterWithCode>`'s beside its code field. */
export const registerCredentialParts = {
  /** The credential's name: label and text field. */
  NameField,
  /** PasswordProtectedKey: password and confirmation (their code loads when a PasswordProtectedKey form shows them). */
  PasswordFields,
  /** Fido2: where to keep the passkey. */
  AuthenticatorChoices: AuthenticatorChoicesPart,
  /** RecoveryKey: the code, shown once, and its confirmation (the step loads on first use). */
  RecoveryCodeStep: RecoveryCodePart,
  /** The submit button. */
  Submit,
  /** Cancel, while the registration can be stopped. */
  Cancel,
  /** The live region that announces each phase and the success. */
  Status,
  /** The error, as an alert (tied to the field it concerns). */
  Error: ErrorMessage,
  /** The fallback where WebAuthn is missing. */
  Unsupported,
};

/** `<RegisterCredential>`, and its parts to compose a form of the host's own. */
export const RegisterCredential = Object.assign(RegisterCredentialPreset, {
  /** The `<form>` that owns the registration; every other part goes inside it. */
  Root,
  ...registerCredentialParts,
});
