import { forwardRef, type ReactNode } from 'react';
import { RegisterCredentialContext } from './registerCredentialContext.ts';
import { type RegisterCredentialFormProps, useRegisterCredentialForm } from './useRegisterCredentialForm.ts';

/** Props of {@link Root}: the form's options plus any attribute of a `<form>`. */
export interface RegisterCredentialRootProps extends RegisterCredentialFormProps {
  /** The parts, in any layout. */
  children?: ReactNode;
}

/**
 * The root of a credential registration form: a `<form>` that owns the registration and gives it
 * to the parts inside through context. It carries `data-state` (the phase, or `unsupported`),
 * `data-kind`, `data-busy` and `aria-busy`.
 */
export const Root = forwardRef<HTMLFormElement, RegisterCredentialRootProps>(function Root(
  { children, ...props },
  ref,
) {
  const { context, formProps } = useRegisterCredentialForm(props);
  const busy = context.registration.isBusy;
  return (
    <RegisterCredentialContext.Provider value={context}>
      <form
        noValidate
        {...formProps}
        ref={ref}
        data-credkit="register-credential"
        data-kind={context.kind}
        data-state={context.state}
        data-busy={busy ? '' : undefined}
        aria-busy={busy}
      >
        {children}
      </form>
    </RegisterCredentialContext.Provider>
  );
});
