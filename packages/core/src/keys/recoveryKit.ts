import { CredkitError } from '../errors/credkitError.ts';
import { normalizeRecoveryCode } from './recoveryCode.ts';

/**
 * What a recovery needs, kept together: the recovery key's ID and its code, with the username and
 * the site they open, and the key's name. Shown once, when the key is made.
 */
export interface RecoveryKit {
  /** The recovery key's ID (its `credId`): a recovery asks for it with the code. */
  credentialId: string;
  /** The recovery code its private key is wrapped under. */
  recoveryCode: string;
  /** The account it recovers. */
  username?: string;
  /** The site (the relying party's ID, e.g. `example.com`) it recovers an account of. */
  site?: string;
  /** The recovery key's name. */
  credentialName?: string;
}

/** The longest text {@link parseRecoveryKit} reads: a kit is a few hundred characters. */
export const MAX_RECOVERY_KIT_LENGTH = 16_384;

// The kit's labels stay English whatever the page's language, so that any credkit page reads any kit.
const LABELS = {
  site: 'Site',
  username: 'Username',
  credentialName: 'Recovery key name',
  credentialId: 'Recovery key ID',
  recoveryCode: 'Recovery code',
} as const satisfies Record<keyof RecoveryKit, string>;

const TITLE = 'Recovery kit';
// A credential ID is base64url (the kit's own are 43 characters); Dfns caps IDs well below this.
const CREDENTIAL_ID = /^[A-Za-z0-9_-]{1,512}$/;

/**
 * The text of a recovery kit, as Copy and Download give it: a title, `note` (what to do with it, in
 * the page's language), then one `Label: value` line per part, the labels in English so that
 * {@link parseRecoveryKit} reads it back on any page.
 */
export function formatRecoveryKit(kit: RecoveryKit, note?: string): string {
  const lines = [kit.site ? `${TITLE}: ${kit.site}` : TITLE];
  if (note) lines.push('', note);
  lines.push('');
  for (const key of ['site', 'username', 'credentialName', 'credentialId', 'recoveryCode'] as const) {
    const value = kit[key];
    if (value !== undefined && value !== '') lines.push(`${LABELS[key]}: ${value.replace(/[\r\n]+/g, ' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

function unreadable(message: string): CredkitError {
  return new CredkitError('invalid-input', { message, field: 'recoveryKit' });
}

/**
 * A recovery kit read back from what {@link formatRecoveryKit} wrote (the downloaded file, or the
 * copied text pasted): the `Label: value` lines, in any order and case, among any other text. The
 * code comes back in its canonical form. Throws `invalid-input` (`field: 'recoveryKit'`) with a
 * readable message when the text holds no kit, lacks its ID or code, holds a malformed one, or holds
 * two different values for one part.
 */
export function parseRecoveryKit(text: string): RecoveryKit {
  if (typeof text !== 'string') throw unreadable('A recovery kit is text.');
  if (text.length > MAX_RECOVERY_KIT_LENGTH) {
    throw unreadable(`This is too long to be a recovery kit (${text.length} characters; a kit has a few hundred).`);
  }
  const found: Partial<Record<keyof RecoveryKit, string>> = {};
  const keyOf = new Map(Object.entries(LABELS).map(([key, label]) => [label.toLowerCase(), key as keyof RecoveryKit]));
  for (const line of text.split(/\r\n|\r|\n/)) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = keyOf.get(line.slice(0, colon).trim().toLowerCase());
    const value = line.slice(colon + 1).trim();
    if (key === undefined || value === '') continue;
    if (found[key] !== undefined && found[key] !== value) {
      throw unreadable(`This holds two different “${LABELS[key]}” lines: keep only the right one.`);
    }
    found[key] = value;
  }
  const { credentialId, recoveryCode } = found;
  if (credentialId === undefined && recoveryCode === undefined) {
    throw unreadable(
      `This is not a recovery kit: it has no “${LABELS.credentialId}” and no “${LABELS.recoveryCode}” line.`,
    );
  }
  if (credentialId === undefined) throw unreadable(`This recovery kit has no “${LABELS.credentialId}” line.`);
  if (recoveryCode === undefined) throw unreadable(`This recovery kit has no “${LABELS.recoveryCode}” line.`);
  if (!CREDENTIAL_ID.test(credentialId)) {
    throw unreadable(`This recovery kit’s “${LABELS.credentialId}” is not an ID (letters, digits, - and _).`);
  }
  let code: string;
  try {
    code = normalizeRecoveryCode(recoveryCode);
  } catch (cause) {
    throw new CredkitError('invalid-input', {
      message: `This recovery kit’s “${LABELS.recoveryCode}” is not a recovery code (D1- and six groups of five).`,
      field: 'recoveryKit',
      cause,
    });
  }
  return {
    credentialId,
    recoveryCode: code,
    ...(found.username !== undefined && { username: found.username }),
    ...(found.site !== undefined && { site: found.site }),
    ...(found.credentialName !== undefined && { credentialName: found.credentialName }),
  };
}
