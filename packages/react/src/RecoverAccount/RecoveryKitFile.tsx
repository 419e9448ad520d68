import { MAX_RECOVERY_KIT_LENGTH } from '@credkit/core/keys';
import { forwardRef, type InputHTMLAttributes, type ReactNode } from 'react';
import { composeEventHandlers } from '../primitives/composeEventHandlers.ts';
import { partClassName } from '../primitives/partClassName.ts';
import { useRecoverAccountContext } from './recoverAccountContext.ts';

/** Props of {@link RecoveryKitFile}: any attribute of the file `<input>`, and its label. */
export interface RecoveryKitFileProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value'> {
  /** The visible label. @defaultValue `messages.recoveryKit.fileLabel` */
  label?: ReactNode;
}

/**
 * Step 2: "Or open your recovery kit": a file input that reads the `.txt` the recovery code step's
 * Download wrote, and fills the recovery key ID and code from it. A file that is not a kit (or a
 * kit of another site) becomes the form's error, tied to this input.
 */
export const RecoveryKitFile = forwardRef<HTMLInputElement, RecoveryKitFileProps>(function RecoveryKitFile(
  { label, id, className, disabled, onChange, ...inputProps },
  ref,
) {
  const form = useRecoverAccountContext();
  if (form.step === 'username' || !form.fields.includes('recoveryCode')) return null;
  const inputId = id ?? form.ids.field('recoveryKit');
  const invalid = form.invalidField === 'recoveryKit' && form.errorText !== null;
  const isDisabled = form.recovery.isBusy || disabled === true;
  const text = form.messages.recoveryKit;
  return (
    <>
      <label htmlFor={inputId} data-credkit-part="label" className={form.classNames.label}>
        {label ?? text.fileLabel}
      </label>
      <input
        accept=".txt,text/plain"
        {...inputProps}
        ref={ref}
        id={inputId}
        type="file"
        form={form.ids.form}
        data-credkit-part="kit-file"
        className={partClassName(form.classNames, 'kit-file', className)}
        disabled={isDisabled}
        data-disabled={isDisabled ? '' : undefined}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={
          [inputProps['aria-describedby'], invalid && form.ids.error].filter(Boolean).join(' ') || undefined
        }
        onChange={composeEventHandlers(onChange, (event) => {
          const input = event.currentTarget;
          const file = input.files?.[0];
          if (!file) return;
          // The same file chosen again (after fixing nothing) is read again.
          input.value = '';
          // A kit is a few hundred bytes: a large file is not one, and is not read into memory.
          if (file.size > MAX_RECOVERY_KIT_LENGTH * 4) {
            form.readRecoveryKit(null);
            return;
          }
          file.text().then(form.readRecoveryKit, () => form.readRecoveryKit(null));
        })}
      />
    </>
  );
});
