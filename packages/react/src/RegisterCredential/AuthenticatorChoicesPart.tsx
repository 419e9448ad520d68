import { type FieldsetHTMLAttributes, forwardRef } from 'react';
import { AuthenticatorChoices } from '../AuthenticatorChoices.tsx';
import { partClassName } from '../primitives/partClassName.ts';
import { useRegisterCredentialContext } from './registerCredentialContext.ts';

/**
 * `RegisterCredential.AuthenticatorChoices`, for Fido2: "Where to keep the passkey" (the standalone
 * `AuthenticatorChoices`) with the root's `authenticatorChoices` the browser can honour, as
 * a radio group. The choice is the root's (`authenticator` / `defaultAuthenticator` /
 * `onAuthenticatorChange`). Renders nothing for fewer than two choices.
 */
export const AuthenticatorChoicesPart = forwardRef<
  HTMLFieldSetElement,
  Omit<FieldsetHTMLAttributes<HTMLFieldSetElement>, 'onChange'>
>(function AuthenticatorChoicesPart({ className, disabled, ...fieldsetProps }, ref) {
  const form = useRegisterCredentialContext();
  if (form.state === 'unsupported') return null;
  const isDisabled = form.disabled || disabled === true;
  return (
    <AuthenticatorChoices
      {...fieldsetProps}
      ref={ref}
      choices={form.choices}
      value={form.authenticator}
      onChange={form.setAuthenticator}
      legend={form.messages.choicesLegend}
      labels={form.messages.choices}
      disabled={isDisabled}
      data-disabled={isDisabled ? '' : undefined}
      className={partClassName(form.classNames, 'choices', className)}
      choiceClassName={form.classNames.choice}
    />
  );
});
