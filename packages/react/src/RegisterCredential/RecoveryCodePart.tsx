import { forwardRef, type HTMLAttributes } from 'react';
import { partClassName } from '../primitives/partClassName.ts';
import { useRegisterCredentialContext } from './registerCredentialContext.ts';

/**
 * `RegisterCredential.RecoveryCodeStep`, for a RecoveryKey: the recovery code (the `RecoveryCodeStep` of
 * `@credkit/react/recovery`): the key's ID and code, shown once after submit, with Copy and Download
 * carrying the whole recovery kit; the key is
 * registered only once the person confirms they saved it. The step loads on first use of the kind.
 */
export const RecoveryCodePart = forwardRef<HTMLFieldSetElement, HTMLAttributes<HTMLFieldSetElement>>(
  function RecoveryCodePart({ className, ...fieldsetProps }, ref) {
    const form = useRegisterCredentialContext();
    if (!form.recovery) return null;
    const { Step, ...kit } = form.recovery;
    return (
      <Step
        {...fieldsetProps}
        {...kit}
        ref={ref}
        credentialName={form.credentialName}
        busy={form.registration.isBusy}
        className={partClassName(form.classNames, 'recovery', className)}
        onConfirm={form.confirmRecovery}
        onCancel={form.discardRecovery}
      />
    );
  },
);
