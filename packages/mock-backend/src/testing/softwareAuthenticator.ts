import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
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
}

/** A registration as Dfns `credentialInfo`: all base64url, unpadded. */
export interface SoftwareCredentialInfo {
  credId: string;
  clientData: string;
  attestationData: string;
}

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;
const ES256 = -7;

function authenticatorData(rpId: string, flags: number, credentialId: Buffer, coseKey: Uint8Array): Buffer {
  const idLength = Buffer.alloc(2);
  idLength.writeUInt16BE(credentialId.length);
  return Buffer.concat([
    createHash('sha256').update(rpId).digest(),
    Buffer.from([flags]),
    Buffer.alloc(4), // signCount 0
    Buffer.alloc(16), // AAGUID: zeros, as for self or no attestation
    idLength,
    credentialId,
    coseKey,
  ]);
}

/**
 * A Node software authenticator for tests: creates ES256 credentials and returns registrations
 * exactly as a browser's `navigator.credentials.create` would, already encoded as Dfns
 * `credentialInfo` (clientData challenge = base64url of the UTF-8 of the Dfns challenge string).
 */
export function createSoftwareAuthenticator(options: SoftwareAuthenticatorOptions = {}) {
  const userVerification = options.userVerification ?? true;
  const attestation = options.attestation ?? 'none';
  return {
    async register({
      challenge,
      rpId,
      origin,
      type = 'webauthn.create',
      credentialId: wantedId,
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
      const clientDataJSON = Buffer.from(
        JSON.stringify({
          type,
          challenge: Buffer.from(challenge, 'utf8').toString('base64url'),
          origin,
          crossOrigin: false,
        }),
        'utf8',
      );
      const flags = FLAG_UP | FLAG_AT | (userVerification ? FLAG_UV : 0);
      const authData = authenticatorData(rpId, flags, credentialId, coseKey);
      const attStmt =
        attestation === 'packed'
          ? new Map<string, number | Uint8Array>([
              ['alg', ES256],
              [
                'sig',
                sign('sha256', Buffer.concat([authData, createHash('sha256').update(clientDataJSON).digest()]), {
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
      return {
        credId: credentialId.toString('base64url'),
        clientData: clientDataJSON.toString('base64url'),
        attestationData: Buffer.from(attestationObject).toString('base64url'),
      };
    },
  };
}

/** A software authenticator. */
export type SoftwareAuthenticator = ReturnType<typeof createSoftwareAuthenticator>;
