import { useId, useState } from 'react';

/** Props of {@link RecoveryCodeStep}. */
export interface RecoveryCodeStepProps {
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
}

/**
 * Shows a new recovery code once, with Copy and Download (.txt) actions; the registration goes on
 * only after the person confirms they saved it.
 */
export function RecoveryCodeStep({ code, credentialName, busy, onConfirm, onCancel }: RecoveryCodeStepProps) {
  const id = useId();
  const [saved, setSaved] = useState(false);
  const [feedback, setFeedback] = useState('');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setFeedback('Copied to the clipboard.');
    } catch {
      setFeedback('Copying is not allowed here: select the code and copy it by hand.');
    }
  };

  const download = () => {
    const text = `Recovery code for "${credentialName}"\n\n${code}\n\nKeep it offline and private: it opens your recovery key.\n`;
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `recovery-code-${credentialName.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'credkit'}.txt`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    setFeedback('Downloaded.');
  };

  return (
    <fieldset data-credkit-part="recovery-code" aria-describedby={`${id}-help`}>
      <legend>Save your recovery code</legend>
      <p id={`${id}-help`}>
        It is shown only once and cannot be recovered. Anyone who has it can use this recovery key: keep it offline,
        somewhere safe.
      </p>
      <p>
        <label htmlFor={`${id}-code`}>Recovery code</label>{' '}
        <input
          id={`${id}-code`}
          data-credkit-part="recovery-code-value"
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
          Copy
        </button>{' '}
        <button type="button" onClick={download}>
          Download .txt
        </button>{' '}
        <span aria-live="polite">{feedback}</span>
      </p>
      <label>
        <input type="checkbox" checked={saved} onChange={(event) => setSaved(event.target.checked)} disabled={busy} /> I
        have saved my recovery code
      </label>
      <p>
        <button type="button" onClick={onConfirm} disabled={!saved || busy}>
          Finish registration
        </button>{' '}
        <button type="button" onClick={onCancel} disabled={busy}>
          Discard code
        </button>
      </p>
    </fieldset>
  );
}
