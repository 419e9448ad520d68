import type { CreateCredentialResponse } from '../dfns/dfnsTypes.ts';

/**
 * What a signed-in account lacks, as a nudge to show: no active recovery key; a single active
 * passkey (one lost phone from a locked account); no passkey in this browser.
 */
export type AccountNudge = 'create-recovery-key' | 'add-passkey-elsewhere' | 'add-passkey-here';

/** Input of {@link accountNudges}. */
export interface AccountNudgesInput {
  /** The account's credentials (`GET /auth/credentials`), active or not. */
  credentials: readonly Pick<CreateCredentialResponse, 'kind' | 'isActive'>[];
  /**
   * Whether this browser holds one of the account's passkeys. `false` when the sign-in used something
   * else (a login code, a password-protected key, a passkey on another device or a security key);
   * `undefined` when the host cannot tell: then "add a passkey here" is never suggested.
   */
  passkeyOnThisDevice?: boolean | undefined;
  /** Nudges the person put off ("not now"): not suggested again. */
  dismissed?: Iterable<AccountNudge>;
}

/**
 * The nudges for an account, most urgent first:
 * - `add-passkey-here` when this browser has no passkey of the account (`passkeyOnThisDevice: false`):
 *   it also answers a single passkey, so `add-passkey-elsewhere` is not suggested with it;
 * - `add-passkey-elsewhere` when the account has exactly one active passkey;
 * - `create-recovery-key` when it has no active recovery key.
 * Dismissed nudges are left out. Pure: the same input gives the same nudges.
 */
export function accountNudges({
  credentials,
  passkeyOnThisDevice,
  dismissed = [],
}: AccountNudgesInput): AccountNudge[] {
  const active = credentials.filter((credential) => credential.isActive);
  const passkeys = active.filter((credential) => credential.kind === 'Fido2').length;
  const nudges: AccountNudge[] = [];
  if (passkeyOnThisDevice === false) nudges.push('add-passkey-here');
  else if (passkeys === 1) nudges.push('add-passkey-elsewhere');
  if (!active.some((credential) => credential.kind === 'RecoveryKey')) nudges.push('create-recovery-key');
  const putOff = new Set(dismissed);
  return nudges.filter((nudge) => !putOff.has(nudge));
}
