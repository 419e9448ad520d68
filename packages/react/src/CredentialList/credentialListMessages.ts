import type { CreateCredentialResponse, ErrorMessages } from '@credkit/core';

/** A change the list makes to a credential: deactivate it, or activate it again. */
export type CredentialAction = 'deactivate' | 'activate';

/** Every text `<CredentialList>` shows; English by default (`englishCredentialListMessages`). */
export interface CredentialListMessages {
  /** The table's caption. */
  caption: string;
  /** The column headers. */
  columns: { name: string; kind: string; created: string; origin: string; status: string; actions: string };
  /** The kind of each credential, as a person reads it. */
  kinds: Record<CreateCredentialResponse['kind'], string>;
  /** The Status column. */
  status: { active: string; deactivated: string };
  /** The text of each row's button. */
  actions: Record<CredentialAction, string>;
  /** Each row's button's accessible name, which names the credential (`Deactivate “Laptop”`). */
  actionLabel: Record<CredentialAction, (name: string) => string>;
  /** The polite announcement while a change runs; `signing` when a signer confirms it. */
  progress: Record<CredentialAction, (name: string, signing: boolean) => string>;
  /** The polite announcement once a change is saved. */
  done: Record<CredentialAction, (name: string) => string>;
  /** The alert when a change fails; `reason` is the error's text through `errors`. */
  failed: Record<CredentialAction, (name: string, reason: string) => string>;
  /** Announced while the list loads for the first time. */
  loading: string;
  /** Announced when the user has no credential at all. */
  empty: string;
  /** The alert when the list cannot be loaded; `reason` is the error's text through `errors`. */
  loadFailed: (reason: string) => string;
  /** The button that loads the list again after a failure. */
  retry: string;
  /** Why Deactivate is disabled on the last active credential that can sign. */
  lastSigner: string;
  /** The Created column's text (its `<time dateTime>` is the ISO date). @defaultValue a medium date in the browser's locale */
  formatDate: (date: Date) => string;
  /** Per error code; the core's default messages (or the server's own message) otherwise. */
  errors: ErrorMessages;
}

/** Some of the texts, to replace the defaults: each group merges with the English one. */
export type CredentialListMessagesInput = {
  [K in keyof CredentialListMessages]?: CredentialListMessages[K] extends (...args: never[]) => unknown
    ? CredentialListMessages[K]
    : Partial<CredentialListMessages[K]>;
};

/** The default, English texts of `<CredentialList>`. */
export const englishCredentialListMessages: CredentialListMessages = {
  caption: 'Your credentials',
  columns: {
    name: 'Name',
    kind: 'Kind',
    created: 'Created',
    origin: 'Origin',
    status: 'Status',
    actions: 'Actions',
  },
  kinds: {
    Fido2: 'Passkey',
    Key: 'Key',
    PasswordProtectedKey: 'Password-protected key',
    RecoveryKey: 'Recovery key',
    Password: 'Password',
    Totp: 'Authenticator app code',
  },
  status: { active: 'Active', deactivated: 'Deactivated' },
  actions: { deactivate: 'Deactivate', activate: 'Activate' },
  actionLabel: {
    deactivate: (name) => `Deactivate “${name}”`,
    activate: (name) => `Activate “${name}”`,
  },
  progress: {
    deactivate: (name, signing) => `Deactivating “${name}”…${signing ? ' confirm with your passkey' : ''}`,
    activate: (name, signing) => `Activating “${name}”…${signing ? ' confirm with your passkey' : ''}`,
  },
  done: {
    deactivate: (name) => `“${name}” deactivated.`,
    activate: (name) => `“${name}” activated.`,
  },
  failed: {
    deactivate: (name, reason) => `“${name}” was not deactivated: ${reason}`,
    activate: (name, reason) => `“${name}” was not activated: ${reason}`,
  },
  loading: 'Loading your credentials…',
  empty: 'No credentials yet.',
  loadFailed: (reason) => `Your credentials could not be loaded: ${reason}`,
  retry: 'Retry',
  lastSigner:
    'This is your only active credential that can confirm changes: without it you could not sign in or confirm anything, not even activating it again. Add or activate another credential first.',
  formatDate: (date) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(date),
  errors: {},
};
