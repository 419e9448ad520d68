import { usernameKey } from '@credkit/names';
import { dfnsId } from './ids.ts';

/** A user of the mock. */
export interface MockUser {
  userId: string;
  username: string;
  displayName: string;
  orgId: string;
  /** A `ServiceAccount` is the app backend's machine user: it never signs in, recovers or is found by name. */
  kind: 'EndUser' | 'CustomerEmployee' | 'ServiceAccount';
  /** The app's own id for the user, given at delegated registration. */
  externalId?: string;
}

/** A stored credential, as `CreateCredentialResponse` plus what the mock keeps for itself. */
export interface StoredCredential {
  kind: 'Fido2' | 'Key' | 'PasswordProtectedKey' | 'RecoveryKey';
  credentialId: string;
  credentialUuid: string;
  dateCreated: string;
  isActive: boolean;
  name: string;
  /** SPKI PEM. */
  publicKey: string;
  relyingPartyId: string;
  origin: string;
  userId: string;
  /** Fido2: the COSE public key and signature counter, for user-action signing. */
  cosePublicKey?: Uint8Array<ArrayBuffer>;
  counter: number;
  /** PasswordProtectedKey, RecoveryKey: the wrapped private key, stored opaque. */
  encryptedPrivateKey?: string;
}

/**
 * Where a code, challenge or user action came from: the user's credentials as they were (their
 * recovery count) and, when a signature made it, the signing credential as it was (its deactivation
 * count). A recovery or a deactivation since voids it.
 */
export interface Provenance {
  userId: string;
  recoveries: number;
  signer?: { credentialUuid: string; deactivations: number };
}

/** The in-memory users and credentials, with a seeded demo user. Gone when the process ends. */
export function createStore(orgId: string) {
  const users = new Map<string, MockUser>();
  /** Users by `usernameKey`: usernames compare by `usernameKey` (NFC, widths folded, case folded, invisible characters dropped). */
  const usersByName = new Map<string, MockUser>();
  // Indexes, not scans: a request costs the same however many users and credentials came before.
  /** Each user's credentials, in the order they were added. */
  const credentialsByUser = new Map<string, StoredCredential[]>();
  /** Credentials by WebAuthn credential id (unique across users, but a list keeps the old data honest). */
  const credentialsById = new Map<string, StoredCredential[]>();
  /** Credentials an account recovery invalidated, by credential id: kept only to say so. */
  const archived = new Map<string, StoredCredential[]>();
  /** Recoveries per user, deactivations per credential uuid: what a {@link Provenance} is checked against. */
  const recoveries = new Map<string, number>();
  const deactivations = new Map<string, number>();

  const push = <K>(map: Map<K, StoredCredential[]>, key: K, credential: StoredCredential) => {
    const list = map.get(key);
    if (list) list.push(credential);
    else map.set(key, [credential]);
  };

  function addUser(user: Omit<MockUser, 'userId' | 'orgId'>, userId = dfnsId('us')): MockUser {
    const created: MockUser = { ...user, userId, orgId };
    users.set(created.userId, created);
    usersByName.set(usernameKey(created.username), created);
    return created;
  }

  const demoUser = addUser({ username: 'demo@credkit.dev', displayName: 'Demo User', kind: 'EndUser' });

  return {
    demoUser,
    addUser,
    user(userId: string): MockUser | undefined {
      return users.get(userId);
    },
    /**
     * The user with this username, compared by `usernameKey` (`DEMO@…` and `ＤＥＭＯ@…` are `demo@…`); never a
     * service account, which nobody logs in, recovers or logs in delegated as.
     */
    userByName(username: string): MockUser | undefined {
      const user = usersByName.get(usernameKey(username));
      return user?.kind === 'ServiceAccount' ? undefined : user;
    },
    /** Whether a user, a service account included, has this username (compared as {@link userByName} does). */
    isNameTaken(username: string): boolean {
      return usersByName.has(usernameKey(username));
    },
    credentialsOf(userId: string): StoredCredential[] {
      return [...(credentialsByUser.get(userId) ?? [])];
    },
    findCredential(userId: string, credentialId: string): StoredCredential | undefined {
      return credentialsById.get(credentialId)?.find((c) => c.userId === userId);
    },
    /** The user's credential with this Dfns uuid (`cr-…`), if any: never another user's. */
    credentialByUuid(userId: string, credentialUuid: string): StoredCredential | undefined {
      return credentialsByUser.get(userId)?.find((c) => c.credentialUuid === credentialUuid);
    },
    /** Every user's credentials with this WebAuthn credential id: how a discoverable login finds its user. */
    credentialsWithId(credentialId: string): StoredCredential[] {
      return [...(credentialsById.get(credentialId) ?? [])];
    },
    addCredential(credential: StoredCredential): void {
      push(credentialsByUser, credential.userId, credential);
      push(credentialsById, credential.credentialId, credential);
    },
    /**
     * Archives every credential of the user, as Dfns does on recovery: they leave the list and every
     * check (login, user actions, activation) as if never registered.
     */
    archiveCredentialsOf(userId: string): void {
      for (const credential of credentialsByUser.get(userId) ?? []) {
        push(archived, credential.credentialId, { ...credential, isActive: false });
        const others = credentialsById.get(credential.credentialId)?.filter((c) => c !== credential) ?? [];
        if (others.length > 0) credentialsById.set(credential.credentialId, others);
        else credentialsById.delete(credential.credentialId);
      }
      credentialsByUser.delete(userId);
      // Everything the old credentials made (codes, challenges, user actions) is void from now on.
      recoveries.set(userId, (recoveries.get(userId) ?? 0) + 1);
    },
    /** Where something made now by the user (signed by `signerUuid`, if a signature made it) comes from. */
    provenance(userId: string, signerUuid?: string): Provenance {
      return {
        userId,
        recoveries: recoveries.get(userId) ?? 0,
        ...(signerUuid !== undefined && {
          signer: { credentialUuid: signerUuid, deactivations: deactivations.get(signerUuid) ?? 0 },
        }),
      };
    },
    /** Why what came from `provenance` is void (a recovery or a deactivation since), or undefined while it holds. */
    voidedBy(provenance: Provenance): string | undefined {
      if ((recoveries.get(provenance.userId) ?? 0) !== provenance.recoveries) return 'voided by an account recovery';
      const { signer } = provenance;
      if (signer && (deactivations.get(signer.credentialUuid) ?? 0) !== signer.deactivations) {
        return 'voided: the credential that made it was deactivated';
      }
      return undefined;
    },
    /** Deactivates a credential: what its signatures made until now is void, even once it is active again. */
    deactivate(credential: StoredCredential): void {
      credential.isActive = false;
      deactivations.set(credential.credentialUuid, (deactivations.get(credential.credentialUuid) ?? 0) + 1);
    },
    /** Whether an account recovery archived this credential of some user (or of `userId`). */
    wasArchived(credentialId: string, userId?: string): boolean {
      return archived.get(credentialId)?.some((c) => userId === undefined || c.userId === userId) ?? false;
    },
  };
}

/** The mock's store. */
export type MockStore = ReturnType<typeof createStore>;
