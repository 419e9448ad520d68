import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';

/** What {@link createSoftwareKeyCredential} signs. */
export interface SoftwareKeyCredentialInput {
  /** The Dfns challenge string. */
  challenge: string;
  /** Written into clientData when given (the Dfns SDK's key signer writes none). */
  origin?: string;
  /**
   * How the challenge enters clientData: `base64url` of its UTF-8 (credkit, the Dfns reference
   * examples) or the `raw` string (`@dfns/sdk-browser`). @defaultValue "base64url"
   */
  challengeEncoding?: 'base64url' | 'raw';
  /** clientData `type`. @defaultValue "key.create" */
  type?: string;
}

/**
 * A Key credential made with node:crypto, as Dfns expects it (ECDSA P-256, SHA-256, DER signature in
 * hex over `{"clientDataHash":…,"publicKey":PEM}`), encoded as `credentialInfo`. For tests.
 */
export function createSoftwareKeyCredential({
  challenge,
  origin,
  challengeEncoding = 'base64url',
  type = 'key.create',
}: SoftwareKeyCredentialInput) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString().trim();
  const clientData = Buffer.from(
    JSON.stringify({
      type,
      challenge: challengeEncoding === 'raw' ? challenge : Buffer.from(challenge, 'utf8').toString('base64url'),
      ...(origin !== undefined && { origin, crossOrigin: false }),
    }),
    'utf8',
  );
  const fingerprint = JSON.stringify({
    clientDataHash: createHash('sha256').update(clientData).digest('hex'),
    publicKey: pem,
  });
  const signature = sign('sha256', Buffer.from(fingerprint, 'utf8'), { key: privateKey, dsaEncoding: 'der' });
  const attestation = { publicKey: pem, signature: signature.toString('hex'), algorithm: 'SHA256' };
  return {
    privateKey,
    publicKeyPem: pem,
    credentialInfo: {
      credId: randomBytes(32).toString('base64url'),
      clientData: clientData.toString('base64url'),
      attestationData: Buffer.from(JSON.stringify(attestation), 'utf8').toString('base64url'),
    },
  };
}
