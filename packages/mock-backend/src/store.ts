import { dfnsId } from './ids.ts';

/** A user of the mock. */
export interface MockUser {
  userId: string;
  username: string;
  displayName: string;
  orgId: string;
  kind: 'EndUser' | 'CustomerEmployee';
}

/** A stored credential, as `CreateCredentialResponse` plus what the mock keeps for itself. */
export interface StoredCredential {
  kind: 'Fido2' | 'Key' | 'PasswordProtectedKey' | 'RecoveryKey';
  credentialId: string;
  credentialUuid: string;
  dateCreated: string;
  isActive: boolean;
  name: string;
  publicKey: string;
  relyingPartyId: string;
  origin: string;
  userId: string;
  /** Fido2: the COSE public key and counter, for later sign-ins and user-action signing. */
  cosePublicKey?: Uint8Array<ArrayBuffer>;
  counter: number;
  /** PasswordProtectedKey, RecoveryKey: the wrapped private key, stored opaque. */
  encryptedPrivateKey?: string;
}

/** The in-memory users, their tokens and credentials. Gone when the process ends. */
export function createStore(demoToken: string) {
  const users = new Map<string, MockUser>();
  const tokens = new Map<string, string>();
  const credentials: StoredCredential[] = [];

  const demoUser: MockUser = {
    userId: dfnsId('us'),
    username: 'demo@credkit.dev',
    displayName: 'Demo User',
    orgId: dfnsId('or'),
    kind: 'EndUser',
  };
  users.set(demoUser.userId, demoUser);
  tokens.set(demoToken, demoUser.userId);

  return {
    demoUser,
    userByToken(token: string): MockUser | undefined {
      const userId = tokens.get(token);
      return userId === undefined ? undefined : users.get(userId);
    },
    credentialsOf(userId: string): StoredCredential[] {
      return credentials.filter((credential) => credential.userId === userId);
    },
    findCredential(userId: string, credentialId: string): StoredCredential | undefined {
      return credentials.find((c) => c.userId === userId && c.credentialId === credentialId);
    },
    addCredential(credential: StoredCredential): void {
      credentials.push(credential);
    },
  };
}

/** The mock's store. */
export type MockStore = ReturnType<typeof createStore>;
