import { forwardRef, type HTMLAttributes } from 'react';
import { lazyPart } from '../primitives/lazyPart.tsx';
import { MIN_PASSWORD_LENGTH, useRegisterCredentialContext } from './registerCredentialContext.ts';

// The fields themselves load when a PasswordProtectedKey form first shows them: a passkey form never downloads them.
const PasswordFieldsView = lazyPart('PasswordFieldsView', () =>
  import('./PasswordFieldsView.tsx').then((module) => module.PasswordFieldsView),
);

/**
 * PasswordProtectedKey: the password and its confirmation, in a `<div>` that takes any attribute.
 * Renders nothing for the other kinds (and loads nothing for them). The checks (length, match) run on
 * submit, each tied to its field.
 */
export const PasswordFields = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement>>(
  function PasswordFields(props, ref) {
    const form = useRegisterCredentialContext();
    if (form.kind !== 'PasswordProtectedKey') return null;
    return <PasswordFieldsView {...props} ref={ref} form={form} minLength={MIN_PASSWORD_LENGTH} />;
  },
);
