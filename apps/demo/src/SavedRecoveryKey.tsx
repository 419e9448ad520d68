import { useEffect, useId, useRef } from 'react';

/** A recovery key made at sign-up: its ID and code together (recovery asks for both), until the person saved them. */
export function SavedRecoveryKey({
  credentialId,
  recoveryCode,
  onSaved,
}: {
  credentialId: string;
  recoveryCode: string;
  onSaved: () => void;
}) {
  const id = useId();
  const first = useRef<HTMLInputElement>(null);
  // The form it replaces is gone: focus goes to what the person must read now.
  useEffect(() => first.current?.focus(), []);
  return (
    <fieldset className="saved-recovery-key" aria-describedby={`${id}-help`}>
      <legend>Your recovery key</legend>
      <p id={`${id}-help`} role="status">
        Your account is ready. Recovery asks for the key’s ID <strong>and</strong> its code: keep them together.
      </p>
      <label htmlFor={`${id}-id`}>Recovery key ID</label>
      <input id={`${id}-id`} ref={first} readOnly value={credentialId} spellCheck={false} autoComplete="off" />
      <label htmlFor={`${id}-code`}>Recovery code</label>
      <input id={`${id}-code`} readOnly value={recoveryCode} spellCheck={false} autoComplete="off" />
      <button type="button" onClick={onSaved}>
        I have saved them
      </button>
    </fieldset>
  );
}
