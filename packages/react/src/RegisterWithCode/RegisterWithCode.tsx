import { forwardRef } from 'react';
import { RegisterCredentialLayout, registerCredentialParts } from '../RegisterCredential/RegisterCredential.tsx';
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
        <RegisterCredentialLayout />
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
  ...registerCredentialParts,
});
