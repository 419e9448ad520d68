import { forwardRef } from 'react';
import { Cancel } from './Cancel.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { Root, type SignInRootProps } from './Root.tsx';
import { Status } from './Status.tsx';
import { Submit } from './Submit.tsx';
import { UsernameField } from './UsernameField.tsx';

/** Props of {@link SignIn}: those of its root (options, autofill, texts, `<form>` attributes). */
export type SignInProps = Omit<SignInRootProps, 'children'>;

/**
 * A passkey sign-in form: the optional username field whose autofill offers this site's passkeys
 * (where the browser supports it), a submit button that signs in with a passkey of that username or
 * any of this site's, Cancel while the prompt is open, a polite live region, and the error. It is the
 * parts below, composed as a host would: rearrange them with `SignIn.Root`.
 */
const SignInPreset = forwardRef<HTMLFormElement, SignInProps>(function SignIn(props, ref) {
  return (
    <Root {...props} ref={ref}>
      <UsernameField />
      <Submit />
      <Cancel />
      <Status />
      <ErrorMessage />
    </Root>
  );
});

/** `<SignIn>`, and its parts to compose a form of the host's own. */
export const SignIn = Object.assign(SignInPreset, {
  /** The `<form>` that owns the sign-in and the autofill; every other part goes inside it. */
  Root,
  /** The username: label, `autocomplete="username webauthn"` field (the autofill's), hint. */
  UsernameField,
  /** The submit button. */
  Submit,
  /** Cancel, while the button's sign-in can be stopped. */
  Cancel,
  /** The live region that announces each phase and the success. */
  Status,
  /** The error, as an alert. */
  Error: ErrorMessage,
});
