import { formatRecoveryKit } from '@credkit/core/keys';
import { type FieldsetHTMLAttributes, forwardRef, useEffect, useId, useRef, useState } from 'react';
import { downloadText, textFileName } from '../primitives/downloadText.ts';
import { useComposedRefs } from '../primitives/useComposedRefs.ts';
import type { RecoveryCodeMessages } from './recoveryMessages.ts';

/** Props of {@link RecoveryCodeStep}: the step's data, plus any attribute of its `<fieldset>`. */
export interface RecoveryCodeStepProps extends FieldsetHTMLAttributes<HTMLFieldSetElement> {
  /** The recovery code to show, once. */
  code: string;
  /**
   * The ID the recovery key will be registered under (`generateKeyCredentialId`, passed to the
   * registration too): shown with the code and written in the kit, since a recovery asks for both.
   * Without it the step shows the code alone. @defaultValue none
   */
  credentialId?: string | undefined;
  /** The credential's name, written in the kit and in the downloaded file's name. */
  credentialName: string;
  /** The account the kit recovers, written in it. @defaultValue none */
  username?: string | undefined;
  /** The site (relying party ID) the kit recovers an account of, written in it. @defaultValue the page's host */
  site?: string | undefined;
  /** True while the registration runs: Finish registration stays focused, and refuses. */
  busy: boolean;
  /** The person confirmed they saved the kit: register now. */
  onConfirm: () => void;
  /** The person backs out: the code is discarded, nothing is registered. */
  onCancel: () => void;
  /** The step's texts, e.g. `englishRecoveryMessages` (required: the English defaults stay out of this lazily loaded module). */
  messages: RecoveryCodeMessages;
}

/**
 * Shows a new recovery key's kit once — its ID and recovery code, which a recovery asks for together —
 * with Copy and Download (.txt), both carrying the whole kit (the site, the username, the key's name,
 * ID and code, as `parseRecoveryKit` reads it back); the registration goes on only after the person
 * confirms they saved it. It takes focus when it appears, so that its legend and help are announced.
 */
export const RecoveryCodeStep = forwardRef<HTMLFieldSetElement, RecoveryCodeStepProps>(function RecoveryCodeStep(
  { code, credentialId, credentialName, username, site, busy, onConfirm, onCancel, messages: text, ...fieldsetProps },
  ref,
) {
  const id = useId();
  const [saved, setSaved] = useState(false);
  const [feedback, setFeedback] = useState('');
  const own = useRef<HTMLFieldSetElement>(null);
  const refs = useComposedRefs(own, ref);
  useEffect(() => {
    // The code is shown once: focus comes here (not left on <body>), and the legend and help are read.
    own.current?.focus();
  }, []);
  const kit = formatRecoveryKit(
    {
      recoveryCode: code,
      credentialId: credentialId ?? '',
      credentialName,
      ...(username !== undefined && { username }),
      site: site ?? location.hostname,
    },
    text.kitNote,
  );

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(kit);
      setFeedback(text.copied);
    } catch {
      setFeedback(text.copyFailed);
    }
  };

  const download = () => {
    downloadText(textFileName('recovery-kit', credentialName), kit);
    setFeedback(text.downloaded);
  };

  return (
    <fieldset aria-describedby={`${id}-help`} tabIndex={-1} {...fieldsetProps} ref={refs} data-credkit-part="recovery">
      <legend>{text.legend}</legend>
      <p id={`${id}-help`}>{text.help}</p>
      {credentialId !== undefined && (
        <p>
          <label htmlFor={`${id}-id`}>{text.idLabel}</label>{' '}
          <textarea
            id={`${id}-id`}
            readOnly
            rows={1}
            cols={credentialId.length}
            value={credentialId}
            spellCheck={false}
            autoComplete="off"
            data-credkit-part="kit-value"
            onFocus={(event) => event.currentTarget.select()}
          />
        </p>
      )}
      <p>
        <label htmlFor={`${id}-code`}>{text.codeLabel}</label>{' '}
        <textarea
          id={`${id}-code`}
          readOnly
          rows={1}
          cols={code.length}
          value={code}
          spellCheck={false}
          autoComplete="off"
          data-credkit-part="kit-value"
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
        <input
          type="checkbox"
          checked={saved}
          aria-disabled={busy || undefined}
          onChange={(event) => {
            if (!busy) setSaved(event.target.checked);
          }}
        />{' '}
        {text.saved}
      </label>
      <p>
        <button
          type="button"
          // Disabled until ticked; while the registration runs it stays focusable (aria-disabled) and refuses.
          disabled={!saved}
          aria-disabled={busy || undefined}
          data-busy={busy ? '' : undefined}
          onClick={() => {
            if (!busy) onConfirm();
          }}
        >
          {text.finish}
        </button>{' '}
        <button
          type="button"
          aria-disabled={busy || undefined}
          onClick={() => {
            if (!busy) onCancel();
          }}
        >
          {text.discard}
        </button>
      </p>
    </fieldset>
  );
});
