import { type FieldsetHTMLAttributes, forwardRef, useId, useState } from 'react';
import type { RecoveryCodeMessages } from './recoveryMessages.ts';

/** Props of {@link RecoveryCodeStep}: the step's data, plus any attribute of its `<fieldset>`. */
export interface RecoveryCodeStepProps extends FieldsetHTMLAttributes<HTMLFieldSetElement> {
  /** The recovery code to show, once. */
  code: string;
  /** The credential's name, used in the downloaded file. */
  credentialName: string;
  /** True while the registration runs. */
  busy: boolean;
  /** The person confirmed they saved the code: register now. */
  onConfirm: () => void;
  /** The person backs out: the code is discarded, nothing is registered. */
  onCancel: () => void;
  /** The step's texts, e.g. `englishRecoveryMessages` (required: the English defaults stay out of this lazily loaded module). */
  messages: RecoveryCodeMessages;
}

/**
 * Shows a new recovery code once, with Copy and Download (.txt) actions; the registration goes on
 * only after the person confirms they saved it.
 */
export const RecoveryCodeStep = forwardRef<HTMLFieldSetElement, RecoveryCodeStepProps>(function RecoveryCodeStep(
  { code, credentialName, busy, onConfirm, onCancel, messages: text, ...fieldsetProps },
  ref,
) {
  const id = useId();
  const [saved, setSaved] = useState(false);
  const [feedback, setFeedback] = useState('');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setFeedback(text.copied);
    } catch {
      setFeedback(text.copyFailed);
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([text.file(credentialName, code)], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `recovery-code-${credentialName.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'credkit'}.txt`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    setFeedback(text.downloaded);
  };

  return (
    <fieldset aria-describedby={`${id}-help`} {...fieldsetProps} ref={ref} data-credkit-part="recovery">
      <legend>{text.legend}</legend>
      <p id={`${id}-help`}>{text.help}</p>
      <p>
        <label htmlFor={`${id}-code`}>{text.codeLabel}</label>{' '}
        <input
          id={`${id}-code`}
          type="text"
          readOnly
          value={code}
          size={code.length}
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
        />
      </p>
      <p>
        <button type="button" onClick={copy}>
          {text.copy}
        </button>{' '}
        <button type="button" onClick={download}>
          {text.download}
        </button>{' '}
        <span aria-live="polite">{feedback}</span>
      </p>
      <label>
        <input type="checkbox" checked={saved} onChange={(event) => setSaved(event.target.checked)} disabled={busy} />{' '}
        {text.saved}
      </label>
      <p>
        <button type="button" onClick={onConfirm} disabled={!saved || busy}>
          {text.finish}
        </button>{' '}
        <button type="button" onClick={onCancel} disabled={busy}>
          {text.discard}
        </button>
      </p>
    </fieldset>
  );
});
