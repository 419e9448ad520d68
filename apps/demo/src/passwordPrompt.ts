import type { PasswordRequest } from '@credkit/core/keys';

/** A password the signer waits for: the dialog answers it, or dismisses it. */
export interface PendingPassword extends PasswordRequest {
  answer: (password: string) => void;
  dismiss: () => void;
}

let pending: PendingPassword | null = null;
const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};

/**
 * The bridge between the user-action signer (config.ts) and `<PasswordDialog>`: the signer asks, the
 * dialog shows the request and answers it. Dismissed (Cancel, Escape), the ask rejects, and the
 * signing ends `cancelled`; the signing aborted, the request goes. The password is passed through,
 * never kept.
 */
export const passwordPrompt = {
  ask(request: PasswordRequest): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const settle = () => {
        request.signal.removeEventListener('abort', dismiss);
        if (pending === current) {
          pending = null;
          notify();
        }
      };
      const dismiss = () => {
        settle();
        reject(new Error('The password dialog was closed.'));
      };
      const current: PendingPassword = {
        ...request,
        answer: (password) => {
          settle();
          resolve(password);
        },
        dismiss,
      };
      request.signal.addEventListener('abort', dismiss, { once: true });
      // One prompt at a time: a new request replaces (dismisses) one still shown.
      pending?.dismiss();
      pending = current;
      notify();
    });
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getSnapshot: (): PendingPassword | null => pending,
};
