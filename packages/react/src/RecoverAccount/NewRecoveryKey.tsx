import { formatRecoveryKit } from '@credkit/core/keys';
import {
  type FieldsetHTMLAttributes,
  forwardRef,
  type InputHTMLAttributes,
  type ReactNode,
  useId,
  useState,
} from 'react';
import { downloadText, textFileName } from '../primitives/downloadText.ts';
import { partClassName } from '../primitives/partClassName.ts';
import { useRecoverAccountContext } from './recoverAccountContext.ts';

/** Props of {@link NewRecoveryKeyOption}: any attribute of the checkbox, and its label. */
export interface NewRecoveryKeyOptionProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'checked' | 'defaultChecked'> {
  /** The visible label. @defaultValue `messages.newRecoveryKey.option` */
  label?: ReactNode;
}

/**
 * Step 2: "Also make a new recovery key", checked by default (the root's `defaultNewRecoveryKey`):
 * Dfns ends every old credential on recovery, the recovery key used included.
 */
export const NewRecoveryKeyOption = forwardRef<HTMLInputElement, NewRecoveryKeyOptionProps>(
  function NewRecoveryKeyOption({ label, className, onChange, id, disabled, ...inputProps }, ref) {
    const form = useRecoverAccountContext();
    const baseId = useId();
    if (form.step === 'username') return null;
    const inputId = id ?? `${baseId}-new-key`;
    const isDisabled = form.recovery.isBusy || disabled === true;
    return (
      <>
        <input
          name="newRecoveryKey"
          {...inputProps}
          ref={ref}
          type="checkbox"
          id={inputId}
          form={form.ids.form}
          data-credkit-part="new-key-option"
          className={partClassName(form.classNames, 'new-key-option', className)}
          checked={form.newRecoveryKey.requested}
          disabled={isDisabled}
          data-disabled={isDisabled ? '' : undefined}
          onChange={(event) => {
            form.newRecoveryKey.setRequested(event.target.checked);
            onChange?.(event);
          }}
        />{' '}
        <label htmlFor={inputId} data-credkit-part="label" className={form.classNames.label}>
          {label ?? form.messages.newRecoveryKey.option}
        </label>
      </>
    );
  },
);

/**
 * The new recovery key once the recovery made it: its ID and code, read-only, with Copy and Download
 * (the recovery kit, as the recovery code step gives it), until the
 * person says they saved them (the code is then forgotten). Shown only this once.
 */
export const NewRecoveryKey = forwardRef<HTMLFieldSetElement, FieldsetHTMLAttributes<HTMLFieldSetElement>>(
  function NewRecoveryKey({ className, ...fieldsetProps }, ref) {
    const form = useRecoverAccountContext();
    const id = useId();
    const [feedback, setFeedback] = useState('');
    const made = form.newRecoveryKey.made;
    if (!made) return null;
    const text = form.messages.newRecoveryKey;
    const username = form.values.username.trim();
    // The same kit as the recovery code step's: what the next recovery reads back.
    const kit = formatRecoveryKit({
      credentialId: made.credentialId,
      recoveryCode: made.recoveryCode,
      ...(username !== '' && { username }),
      ...(form.site !== undefined && { site: form.site }),
    });
    const copy = async () => {
      try {
        await navigator.clipboard.writeText(kit);
        setFeedback(text.copied);
      } catch {
        setFeedback(text.copyFailed);
      }
    };
    const download = () => {
      downloadText(textFileName('recovery-kit', form.site ?? 'credkit'), kit);
      setFeedback(text.downloaded);
    };
    return (
      <fieldset
        aria-describedby={`${id}-help`}
        {...fieldsetProps}
        ref={ref}
        data-credkit-part="new-key"
        className={partClassName(form.classNames, 'new-key', className)}
      >
        <legend>{text.title}</legend>
        <p id={`${id}-help`}>{text.help}</p>
        <p>
          <label htmlFor={`${id}-id`}>{text.idLabel}</label>{' '}
          <input id={`${id}-id`} type="text" readOnly value={made.credentialId} spellCheck={false} autoComplete="off" />
        </p>
        <p>
          <label htmlFor={`${id}-code`}>{text.codeLabel}</label>{' '}
          <input
            id={`${id}-code`}
            type="text"
            readOnly
            value={made.recoveryCode}
            spellCheck={false}
            autoComplete="off"
          />
        </p>
        <p>
          <button type="button" onClick={copy}>
            {text.copy}
          </button>{' '}
          <button type="button" onClick={download}>
            {text.download}
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              // The fieldset goes: focus goes back to the outcome, not to the page.
              document.getElementById(form.ids.status)?.focus();
              form.newRecoveryKey.dismiss();
            }}
          >
            {text.saved}
          </button>
        </p>
        <p aria-live="polite">{feedback}</p>
      </fieldset>
    );
  },
);
