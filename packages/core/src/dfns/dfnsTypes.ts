/** A relying party as WebAuthn wants it. `id` defaults to the page's effective domain. */
export interface RelyingParty {
  /** The RP id: the page's effective domain or a registrable suffix of it. */
  id?: string;
  /** A human-readable name shown by some authenticators. */
  name: string;
}

/** A WebAuthn credential descriptor with a base64url id, as Dfns sends it. */
export interface DfnsCredentialDescriptor {
  type: 'public-key';
  /** The credential id, base64url. */
  id: string;
}

/** The Fido2 challenge returned by `POST /auth/credentials/init` (`CreateCredentialChallengeResponse`). */
export interface Fido2CredentialChallenge {
  kind: 'Fido2';
  /** The Dfns user; `id` is a Dfns user id such as `us-2ba0h-…`. */
  user: { id: string; displayName: string; name: string };
  /** Opaque identifier to send back with the credential. */
  challengeIdentifier: string;
  /** An opaque ASCII string: its UTF-8 bytes are the WebAuthn challenge. */
  challenge: string;
  /** Deprecated by Dfns: the app knows its RP. */
  rp?: { id: string; name: string };
  authenticatorSelection: {
    authenticatorAttachment?: 'platform' | 'cross-platform';
    residentKey: 'required' | 'preferred' | 'discouraged';
    requireResidentKey: boolean;
    userVerification: 'required' | 'preferred' | 'discouraged';
  };
  attestation: 'none' | 'indirect' | 'direct' | 'enterprise';
  pubKeyCredParams: { type: 'public-key'; alg: number }[];
  excludeCredentials: DfnsCredentialDescriptor[];
  /** Deprecated alias of `challengeIdentifier`. */
  temporaryAuthenticationToken?: string;
}

/** The kinds of key credential: a key pair made in the browser with WebCrypto. */
export type KeyCredentialKind = 'Key' | 'PasswordProtectedKey' | 'RecoveryKey';

/** The challenge of `POST /auth/credentials/init` for a key kind: no authenticatorSelection / excludeCredentials. */
export interface KeyCredentialChallenge {
  kind: KeyCredentialKind;
  user: { id: string; displayName: string; name: string };
  challengeIdentifier: string;
  /** An opaque ASCII string, signed (inside clientData) by the new key. */
  challenge: string;
  rp?: { id: string; name: string };
  attestation?: string;
  pubKeyCredParams?: { type: 'public-key'; alg: number }[];
  temporaryAuthenticationToken?: string;
}

/** The challenge response of `POST /auth/credentials/init` for the kinds credkit supports. */
export type CreateCredentialChallengeResponse = Fido2CredentialChallenge | KeyCredentialChallenge;

/** The credential kinds a Dfns credential can have. */
export type CredentialKind = 'Fido2' | 'Key' | 'Password' | 'Totp' | 'RecoveryKey' | 'PasswordProtectedKey';

/** `credentialInfo` of a Fido2 registration: all base64url, unpadded. */
export interface Fido2CredentialInfo {
  /** The credential id (base64url of `rawId`). */
  credId: string;
  /** base64url of the raw `clientDataJSON` bytes. */
  clientData: string;
  /** base64url of the whole CBOR `attestationObject`. */
  attestationData: string;
}

/** `credentialInfo` of a key kind: all base64url, unpadded (see `@credkit/core/keys`). */
export interface KeyCredentialInfo {
  /** A unique id: base64url of 32 random bytes. */
  credId: string;
  /** base64url of the `{"type":"key.create",…}` clientData JSON the key signed (via its hash). */
  clientData: string;
  /** base64url of `{"publicKey":"<SPKI PEM>","signature":"<hex DER>","algorithm":"SHA256"}`. */
  attestationData: string;
}

/**
 * A RecoveryKey registered in the same call as another credential: `recoveryCredential` of
 * `POST /auth/registration/enduser` (`RegisterEndUserBody`) and of `/auth/recover/user`'s `newCredentials`.
 */
export interface RecoveryCredential {
  credentialKind: 'RecoveryKey';
  credentialInfo: KeyCredentialInfo;
  credentialName: string;
  /** The private key wrapped under the recovery code (standard base64); the code itself is never sent. */
  encryptedPrivateKey?: string;
}

/**
 * The body of `POST /auth/registration/enduser` (`RegisterEndUserBody`) as credkit sends it: the
 * first credential, a recovery key if one was asked for, and no wallets.
 */
export interface RegisterEndUserBody {
  firstFactorCredential:
    | { credentialKind: 'Fido2'; credentialInfo: Fido2CredentialInfo; credentialName: string }
    | { credentialKind: 'Key'; credentialInfo: KeyCredentialInfo; credentialName: string };
  recoveryCredential?: RecoveryCredential;
  /** Empty: a backend that completes the sign-up may add the wallets Dfns should create. */
  wallets: [];
}

/** The body of `POST /auth/credentials` (`CreateCredentialBody`). */
export type CreateCredentialBody =
  | {
      credentialKind: 'Fido2';
      credentialInfo: Fido2CredentialInfo;
      credentialName: string;
      challengeIdentifier: string;
    }
  | {
      credentialKind: KeyCredentialKind;
      credentialInfo: KeyCredentialInfo;
      credentialName: string;
      challengeIdentifier: string;
      /** The private key wrapped under the password or recovery code (PasswordProtectedKey, RecoveryKey). */
      encryptedPrivateKey?: string;
    };

/** The credential as Dfns returns it (`CreateCredentialResponse`), also the items of `GET /auth/credentials`. */
export interface CreateCredentialResponse {
  kind: CredentialKind;
  /** = `credId` (base64url). */
  credentialId: string;
  /** The Dfns id, e.g. `cr-34514-nip9c-8bppvgqgj28dbodrc`. */
  credentialUuid: string;
  /** ISO 8601, UTC. */
  dateCreated: string;
  isActive: boolean;
  name: string;
  publicKey: string;
  relyingPartyId: string;
  origin: string;
}

/** The body of `GET /auth/credentials`. */
export interface ListCredentialsResponse {
  items: CreateCredentialResponse[];
}

/** The body of `POST /auth/recover/user` (`RecoverBody`), as credkit's recovery sends it. */
export interface RecoverBody {
  /** The recovery key's assertion of the new credentials (its clientData `challenge` is base64url of their JSON). */
  recovery: {
    kind: 'RecoveryKey';
    credentialAssertion: { credId: string; clientData: string; signature: string };
  };
  /** The credentials that replace every old one: the new passkey and, if asked for, a new recovery key. */
  newCredentials: {
    firstFactorCredential: { credentialKind: 'Fido2'; credentialInfo: Fido2CredentialInfo; credentialName: string };
    recoveryCredential?: {
      credentialKind: 'RecoveryKey';
      credentialInfo: KeyCredentialInfo;
      credentialName: string;
      /** The new recovery key's private key, wrapped under its recovery code. */
      encryptedPrivateKey?: string;
    };
  };
}
