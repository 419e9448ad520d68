import type { AccountNudge } from '@credkit/core';

/** Every text `<AccountNudges>` shows; English by default (`englishAccountNudgesMessages`). */
export interface AccountNudgesMessages {
  /** The region's accessible name. */
  label: string;
  /** What each nudge says the account lacks. */
  texts: Record<AccountNudge, string>;
  /** The text of each nudge's action button. */
  actions: Record<AccountNudge, string>;
  /** The button that puts a nudge off. */
  notNow: string;
  /** Said once (a polite status) when the automatic upgrade (`upgrade`) made a passkey here. */
  upgraded: string;
}

/** The English texts of `<AccountNudges>`. */
export const englishAccountNudgesMessages: AccountNudgesMessages = {
  label: 'Make your account safer',
  texts: {
    'create-recovery-key': 'You have no recovery key. If you lose your passkeys, a recovery key gets you back in.',
    'add-passkey-elsewhere':
      'You have a single passkey. Add one on another device, so losing this one does not lock you out.',
    'add-passkey-here': 'This browser has no passkey for your account. Add one to sign in here with a touch.',
  },
  actions: {
    'create-recovery-key': 'Create a recovery key',
    'add-passkey-elsewhere': 'Add a passkey on another device',
    'add-passkey-here': 'Add a passkey here',
  },
  notNow: 'Not now',
  upgraded: 'Your password manager saved a passkey for this browser: next time, sign in here with a touch.',
};
