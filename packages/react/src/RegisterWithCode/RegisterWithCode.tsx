import { forwardRef } from 'react';
import { AuthenticatorChoices } from '../RegisterCredential/AuthenticatorChoices.tsx';
import { Cancel } from '../RegisterCredential/Cancel.tsx';
import { ErrorMessage } from '../RegisterCredential/ErrorMessage.tsx';
import { NameField } from '../RegisterCredential/NameField.tsx';
import { PasswordFields } from '../RegisterCredential/PasswordFields.tsx';
import { RecoveryCodeStep } from '../RegisterCredential/RecoveryCodeStep.tsx';
import { Status } from '../RegisterCredential/Status.tsx';
import { Submit } from '../RegisterCredential/Submit.tsx';
import { Unsupported } from '../RegisterCredential/Unsupported.tsx';
import { CodeField } from './CodeField.tsx';
import { type RegisterWithCodeRootProps, Root } from './Root.tsx';

/** Props of {@link RegisterWithCode}: those of its root (the code, options, texts, `<form>` attributes). */
export type RegisterWithCodeProps = Omit<RegisterWithCodeRootProps, 'children'>;

/**
 * "Add a passkey on another device", on the other device, which has no session: the code from the
 * signed-in device (typed, or from the link as `defaultCode`), then `<RegisterCredential>`'s form
 * (name, the kind's fields, submit, Cancel, status, error) on the same engine, its requests going to
 * the code routes. Success says the passkey was added to the account. It is the parts below,
 * composed as a host would: rearrange them with `RegisterWithCode.Root`.
 */
const RegisterWithCodePreset = forwardRef<HTMLFormElement, RegisterWithCodeProps>(
  function RegisterWithCode(props, ref) {
    return (
      <Root {...props} ref={ref}>
        <CodeField />
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

/** `<RegisterWithCode>`, and its parts (those of `<RegisterCredential>`, and the code field) to compose a form of the host's own. */
export const RegisterWithCode = Object.assign(RegisterWithCodePreset, {
  /** The `<form>` that owns the code and the registration; every other part goes inside it. */
  Root,
  /** The one-time code: label and text field. */
  CodeField,
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
  /** The error, as an alert tied to the code field when it concerns the code. */
  Error: ErrorMessage,
  /** The fallback where WebAuthn is missing. */
  Unsupported,
});
