import { type ButtonHTMLAttributes, forwardRef } from 'react';
import { CancelButton } from '../primitives/CancelButton.tsx';
import { composeEventHandlers } from '../primitives/composeEventHandlers.ts';
import { partClassName } from '../primitives/partClassName.ts';
import { useRecoverAccountContext } from './recoverAccountContext.ts';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement>;

/**
 * "Send the code": the submit button of step 1; in step 2, "Send a new code" (the e-mailed code is
 * spent by a recovery attempt, and expires). Disabled while a code is sent or a recovery runs; absent
 * with a `challengeSource`.
 */
export const SendCode = forwardRef<HTMLButtonElement, ButtonProps>(function SendCode(
  { className, children, onClick, disabled, ...buttonProps },
  ref,
) {
  const form = useRecoverAccountContext();
  // No e-mailed code when the host's backend obtains the recovery challenge.
  if (!form.fields.includes('verificationCode')) return null;
  const isDisabled = form.recovery.isBusy || form.recovery.codeStatus === 'sending' || disabled === true;
  const first = form.step === 'username';
  return (
    <button
      type={first ? 'submit' : 'button'}
      {...buttonProps}
      ref={ref}
      form={form.ids.form}
      data-credkit-part="send-code"
      data-state={form.recovery.codeStatus}
      className={partClassName(form.classNames, 'send-code', className)}
      disabled={isDisabled}
      data-disabled={isDisabled ? '' : undefined}
      onClick={composeEventHandlers(onClick, () => {
        if (!first) form.sendCode();
      })}
    >
      {children ?? (first ? form.messages.sendCode : form.messages.sendNewCode)}
    </button>
  );
});

/** "Recover and add a passkey": the submit button of step 2 (nothing in step 1). */
export const Submit = forwardRef<HTMLButtonElement, ButtonProps>(function Submit(
  { className, children, disabled, ...buttonProps },
  ref,
) {
  const form = useRecoverAccountContext();
  if (form.step === 'username') return null;
  const isDisabled = form.recovery.isBusy || form.recovery.codeStatus === 'sending' || disabled === true;
  return (
    <button
      type="submit"
      {...buttonProps}
      ref={ref}
      form={form.ids.form}
      data-credkit-part="submit"
      data-state={form.recovery.phase}
      data-busy={form.recovery.isBusy ? '' : undefined}
      className={partClassName(form.classNames, 'submit', className)}
      disabled={isDisabled}
      data-disabled={isDisabled ? '' : undefined}
    >
      {children ?? form.messages.submit}
    </button>
  );
});

/** Cancel, while a recovery runs: it ends as `cancelled`. */
export const Cancel = forwardRef<HTMLButtonElement, ButtonProps>(function Cancel(props, ref) {
  const form = useRecoverAccountContext();
  if (!form.recovery.isBusy) return null;
  return (
    <CancelButton
      {...props}
      ref={ref}
      classNames={form.classNames}
      label={form.messages.cancel}
      onCancel={form.recovery.cancel}
    />
  );
});
