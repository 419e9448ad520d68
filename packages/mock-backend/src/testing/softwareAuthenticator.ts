import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

/** Options of {@link createSoftwareAuthenticator}. */
export interface SoftwareAuthenticatorOptions {
  /** Whether it verifies the user (sets the UV flag). @defaultValue true */
  userVerification?: boolean;
  /**
   * `none` (what browsers send when the RP asks for none), or `packed` self-attestation: a signature
   * by the new key over authenticatorData ‖ SHA-256(clientDataJSON), so any tampering is detectable.
   * @defaultValue "none"
   */
  attestation?: 'none' | 'packed';
  /**
   * The AAGUID its passkeys carry (a UUID, e.g. a passkey provider's from the community list), to
   * test what names the provider. @defaultValue all zeros, as for self or no attestation
   */
  aaguid?: string;
}

/** What to register: the Dfns challenge string and where the "browser" is. */
export interface SoftwareRegistrationInput {
  /** The Dfns challenge string; its UTF-8 bytes are the WebAuthn challenge, as in a browser. */
  challenge: string;
  /** The RP id whose SHA-256 goes into authenticatorData. */
  rpId: string;
  /** The origin written into clientDataJSON. */
  origin: string;
  /** clientDataJSON `type`. @defaultValue "webauthn.create" */
  type?: string;
  /** The new credential's id (base64url), e.g. to re-register a known id. @defaultValue 32 random bytes */
  credentialId?: string;
  /**
   * The Dfns `user.id` of the challenge: its UTF-8 bytes are the WebAuthn user id the authenticator
   * keeps, and returns as `userHandle` when it signs. @defaultValue none (no userHandle)
   */
  userId?: string;
}

/** What to sign: a Dfns login or user-action challenge, and where the "browser" is. */
export interface SoftwareAssertionInput {
  /** The Dfns challenge string; its UTF-8 bytes are the WebAuthn challenge, as in a browser. */
  challenge: string;
  /** The RP id: only credentials created for it sign, and its SHA-256 goes into authenticatorData. */
  rpId: string;
  /** The origin written into clientDataJSON. */
  origin: string;
  /**
   * As in `navigator.credentials.get`: the first of these credentials the authenticator holds signs
   * (e.g. the challenge's `allowCredentials.webauthn`). Empty or omitted, a discoverable login: the
   * newest credential it holds for `rpId`. @defaultValue []
   */
  allowCredentials?: readonly { id: string }[];
  /** clientDataJSON `type`. @defaultValue "webauthn.get" */
  type?: string;
  /** The signature counter to report, e.g. an old one to test replays. @defaultValue the last one + 1 */
  counter?: number;
}

/** An assertion as a Dfns `firstFactor.credentialAssertion` (`POST /auth/action`, `POST /auth/login`): all base64url. */
export interface SoftwareCredentialAssertion {
  credId: string;
  clientData: string;
  authenticatorData: string;
  signature: string;
  /** base64url of the user id given at registration, when one was. */
  userHandle?: string;
}

/** A registration as Dfns `credentialInfo`: all base64url, unpadded. */
export interface SoftwareCredentialInfo {
  credId: string;
  clientData: string;
  attestationData: string;
}

interface HeldCredential {
  id: string;
  rpId: string;
  privateKey: KeyObject;
  counter: number;
  userHandle: string | undefined;
}

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;
const ES256 = -7;

function sha256(data: string | Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}

function authenticatorData(
  rpId: string,
  flags: number,
  credentialId: Buffer,
  coseKey: Uint8Array,
  aaguid: Buffer,
): Buffer {
  const idLength = Buffer.alloc(2);
  idLength.writeUInt16BE(credentialId.length);
  return Buffer.concat([
    sha256(rpId),
    Buffer.from([flags]),
    Buffer.alloc(4), // signCount 0
    aaguid,
    idLength,
    credentialId,
    coseKey,
  ]);
}

/** clientDataJSON as a browser writes it, with the challenge as base64url of the Dfns string's UTF-8. */
function clientDataJSON(type: string, challenge: string, origin: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      type,
      challenge: Buffer.from(challenge, 'utf8').toString('base64url'),
      origin,
      crossOrigin: false,
    }),
    'utf8',
  );
}

/**
 * A Node software authenticator for tests: creates ES256 credentials and returns registrations
 * exactly as a browser's `navigator.credentials.create` would, already encoded as Dfns
 * `credentialInfo` (clientData challenge = base64url of the UTF-8 of the Dfns challenge string); it
 * keeps them, and signs login and user-action challenges as `navigator.credentials.get` would.
 */
export function createSoftwareAuthenticator(options: SoftwareAuthenticatorOptions = {}) {
  const userVerification = options.userVerification ?? true;
  const attestation = options.attestation ?? 'none';
  const aaguid = Buffer.from((options.aaguid ?? '').replaceAll('-', '').padEnd(32, '0'), 'hex');
  if (aaguid.length !== 16) throw new TypeError(`aaguid must be a UUID, got ${options.aaguid}`);
  // Newest last, by id: what a discoverable login picks from, and what allowCredentials names.
  const held = new Map<string, HeldCredential>();
  return {
    async register({
      challenge,
      rpId,
      origin,
      type = 'webauthn.create',
      credentialId: wantedId,
      userId,
    }: SoftwareRegistrationInput): Promise<SoftwareCredentialInfo> {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const jwk = publicKey.export({ format: 'jwk' });
      const coseKey = isoCBOR.encode(
        new Map<number, number | Uint8Array>([
          [1, 2], // kty: EC2
          [3, ES256], // alg
          [-1, 1], // crv: P-256
          [-2, Buffer.from(jwk.x ?? '', 'base64url')],
          [-3, Buffer.from(jwk.y ?? '', 'base64url')],
        ]),
      );
      const credentialId = wantedId === undefined ? randomBytes(32) : Buffer.from(wantedId, 'base64url');
      const clientData = clientDataJSON(type, challenge, origin);
      const flags = FLAG_UP | FLAG_AT | (userVerification ? FLAG_UV : 0);
      const authData = authenticatorData(rpId, flags, credentialId, coseKey, aaguid);
      const attStmt =
        attestation === 'packed'
          ? new Map<string, number | Uint8Array>([
              ['alg', ES256],
              [
                'sig',
                sign('sha256', Buffer.concat([authData, sha256(clientData)]), {
                  key: privateKey,
                  dsaEncoding: 'der',
                }),
              ],
            ])
          : new Map();
      const attestationObject = isoCBOR.encode(
        new Map<string, unknown>([
          ['fmt', attestation],
          ['attStmt', attStmt],
          ['authData', authData],
        ]) as never,
      );
      const id = credentialId.toString('base64url');
      held.delete(id);
      held.set(id, {
        id,
        rpId,
        privateKey,
        counter: 0,
        userHandle: userId === undefined ? undefined : Buffer.from(userId, 'utf8').toString('base64url'),
      });
      return {
        credId: id,
        clientData: clientData.toString('base64url'),
        attestationData: Buffer.from(attestationObject).toString('base64url'),
      };
    },

    /**
     * Signs a challenge with a credential it created, as `navigator.credentials.get` would: flags UP
     * (and UV), a counter one above the last, an ES256 signature over authenticatorData ‖
     * SHA-256(clientDataJSON). Throws when it holds no matching credential for `rpId`.
     */
    async authenticate({
      challenge,
      rpId,
      origin,
      allowCredentials = [],
      type = 'webauthn.get',
      counter,
    }: SoftwareAssertionInput): Promise<SoftwareCredentialAssertion> {
      const mine = [...held.values()].filter((credential) => credential.rpId === rpId);
      const credential =
        allowCredentials.length === 0
          ? mine.at(-1)
          : mine.find((candidate) => allowCredentials.some(({ id }) => id === candidate.id));
      if (!credential) throw new Error(`The software authenticator holds no credential for ${rpId} that is allowed`);
      credential.counter = counter ?? credential.counter + 1;
      const signCount = Buffer.alloc(4);
      signCount.writeUInt32BE(credential.counter);
      const authData = Buffer.concat([
        sha256(rpId),
        Buffer.from([FLAG_UP | (userVerification ? FLAG_UV : 0)]),
        signCount,
      ]);
      const clientData = clientDataJSON(type, challenge, origin);
      const signature = sign('sha256', Buffer.concat([authData, sha256(clientData)]), {
        key: credential.privateKey,
        dsaEncoding: 'der',
      });
      return {
        credId: credential.id,
        clientData: clientData.toString('base64url'),
        authenticatorData: authData.toString('base64url'),
        signature: signature.toString('base64url'),
        ...(credential.userHandle !== undefined && { userHandle: credential.userHandle }),
      };
    },
  };
}

/** A software authenticator. */
export type SoftwareAuthenticator = ReturnType<typeof createSoftwareAuthenticator>;
