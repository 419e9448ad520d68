import { describeError } from '@credkit/core';
import { type FormEvent, useEffect, useRef, useSyncExternalStore } from 'react';
import { passwordPrompt } from './passwordPrompt.ts';

/**
 * The password a change needs after a password-protected key sign-in: a modal `<dialog>` (the
 * browser traps focus and makes the page inert), labelled by its heading, focus on the field.
 * "Confirm" hands the password to the signer; a refused one is asked again, the refusal shown by the
 * field (the signer's `error`); Cancel or Escape ends the signing `cancelled`. The field is
 * uncontrolled, emptied for each ask, and the dialog unmounts once answered: the password is never kept.
 */
export function PasswordDialog() {
  const request = useSyncExternalStore(passwordPrompt.subscribe, passwordPrompt.getSnapshot);
  const dialog = useRef<HTMLDialogElement>(null);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!request || !element) return;
    element.showModal();
    if (field.current) {
      field.current.value = '';
      field.current.focus();
    }
    return () => element.close();
  }, [request]);

  if (!request) return null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    request.answer(field.current?.value ?? '');
  };
  return (
    <dialog
      ref={dialog}
      className="password-dialog"
      aria-labelledby="password-dialog-heading"
      aria-describedby="password-dialog-why"
      // Escape: the browser closes the dialog; the signing ends as Cancel ends it.
      onCancel={(event) => {
        event.preventDefault();
        request.dismiss();
      }}
    >
      <form className="signup" onSubmit={onSubmit}>
        <h2 id="password-dialog-heading">Confirm with your password-protected key</h2>
        <p id="password-dialog-why">
          You signed in with a password-protected key: its password opens it in this page to confirm the change. It is
          not sent.
        </p>
        <label htmlFor="password-dialog-field">Password of the key</label>
        <input
          id="password-dialog-field"
          ref={field}
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={request.error ? true : undefined}
          aria-describedby={request.error ? 'password-dialog-error' : undefined}
        />
        {request.error ? (
          <p id="password-dialog-error" role="alert" data-code={request.error.code}>
            {describeError(request.error)} Try again, or cancel.
          </p>
        ) : null}
        <div className="password-dialog-actions">
          <button type="submit">Confirm</button>
          <button type="button" className="button" onClick={request.dismiss}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
