import { signingKeyKind } from './crypto/signingKeyKind.ts';
import { MockConfigError } from './mockConfigError.ts';

/**
 * A service account of the mock (Dfns's machine user, what an app's backend holds for the delegated
 * routes): a user of kind `ServiceAccount` with one active Key credential, whose token is a
 * `ServiceAccount` bearer token.
 */
export interface MockServiceAccount {
  /** The bearer token it presents (`Authorization: Bearer <token>`); one word, no spaces. */
  token: string;
  /** The id of its Key credential (base64url): the `credId` its signer names, Dfns's "Signing Key Cred ID". */
  credId: string;
  /** Its credential's public key, SPKI PEM (`-----BEGIN PUBLIC KEY-----`): ECDSA P-256 or Ed25519. */
  publicKey: string;
}

const FIELDS = ['token', 'credId', 'publicKey'] as const;

/** What names each of the three settings in errors: an option, a variable or a flag. */
export type ServiceAccountLabels = Record<keyof MockServiceAccount, string>;

/** Where some of the three settings come from, and what names them there. */
export interface ServiceAccountSource {
  values: Partial<Record<keyof MockServiceAccount, string>>;
  labels: ServiceAccountLabels;
}

/** The labels of the `serviceAccount` option. */
export const SERVICE_ACCOUNT_OPTION_LABELS: ServiceAccountLabels = {
  token: 'serviceAccount.token',
  credId: 'serviceAccount.credId',
  publicKey: 'serviceAccount.publicKey',
};

/** The environment variables of the three settings. */
export const SERVICE_ACCOUNT_VARIABLES: ServiceAccountLabels = {
  token: 'MOCK_SERVICE_ACCOUNT_TOKEN',
  credId: 'MOCK_SERVICE_ACCOUNT_CRED_ID',
  publicKey: 'MOCK_SERVICE_ACCOUNT_PUBLIC_KEY',
};

/**
 * Checks a service account whole: all three settings (else a {@link MockConfigError} naming the ones
 * missing), a token of one word, a base64url credential id (what a key assertion's `credId` must be)
 * and a PEM that is a usable ECDSA P-256 or Ed25519 public key. Returns the three, and nothing else.
 */
export function checkServiceAccount(
  account: Partial<Record<keyof MockServiceAccount, unknown>>,
  labels: ServiceAccountLabels,
): MockServiceAccount {
  const missing = FIELDS.filter((field) => typeof account[field] !== 'string' || account[field] === '');
  if (missing.length > 0) {
    const names = missing.map((field) => labels[field]);
    throw new MockConfigError(
      `${names.join(' and ')} ${names.length === 1 ? 'is' : 'are'} missing: a service account takes all three of ${FIELDS.map((field) => labels[field]).join(', ')}, or none for the testing one`,
    );
  }
  const { token, credId, publicKey } = account as MockServiceAccount;
  if (!/^\S+$/.test(token))
    throw new MockConfigError(`${labels.token} must be one word (a bearer token), got "${token}"`);
  if (!/^[A-Za-z0-9_-]+$/.test(credId)) {
    throw new MockConfigError(
      `${labels.credId} must be base64url (A-Z a-z 0-9 - _), as credential ids are, got "${credId}"`,
    );
  }
  if (!signingKeyKind(publicKey)) {
    throw new MockConfigError(
      `${labels.publicKey} is not a usable public key: give the SPKI PEM (-----BEGIN PUBLIC KEY-----) of an ECDSA P-256 or Ed25519 key`,
    );
  }
  return { token, credId, publicKey };
}

/**
 * A service account from its settings, each taken from the first source that gives it (a flag before
 * its variable); undefined when none gives any. Checked by {@link checkServiceAccount}: a partial set
 * names what is missing, with every place it could come from.
 */
export function serviceAccountFrom(sources: ServiceAccountSource[]): MockServiceAccount | undefined {
  const account: Partial<MockServiceAccount> = {};
  const labels = { ...SERVICE_ACCOUNT_VARIABLES };
  for (const field of FIELDS) {
    const source = sources.find(({ values }) => values[field] !== undefined && values[field] !== '');
    account[field] = source?.values[field];
    // Missing: named by its first place, the others in brackets, e.g. `--service-account-token (MOCK_SERVICE_ACCOUNT_TOKEN)`.
    const [first, ...others] = sources.map((each) => each.labels[field]);
    labels[field] = source ? source.labels[field] : `${first}${others.length > 0 ? ` (${others.join(', ')})` : ''}`;
  }
  if (FIELDS.every((field) => account[field] === undefined)) return undefined;
  return checkServiceAccount(account, labels);
}

/**
 * The service account of `MOCK_SERVICE_ACCOUNT_TOKEN`, `MOCK_SERVICE_ACCOUNT_CRED_ID` and
 * `MOCK_SERVICE_ACCOUNT_PUBLIC_KEY` (the PEM text; `\n` written as two characters, as `.env` files
 * often hold it, counts as a line break).
 */
export function serviceAccountVariables(env: Record<string, string | undefined>): ServiceAccountSource {
  return {
    values: {
      token: env.MOCK_SERVICE_ACCOUNT_TOKEN,
      credId: env.MOCK_SERVICE_ACCOUNT_CRED_ID,
      publicKey: env.MOCK_SERVICE_ACCOUNT_PUBLIC_KEY?.replace(/\\n/g, '\n'),
    },
    labels: SERVICE_ACCOUNT_VARIABLES,
  };
}
