// Fixtures of the interop tests with the published Dfns SDK (dfnsSdk.interop.test.ts,
// delegated.interop.test.ts): keys as a browser and credkit make them. Test-only, not in the package.
import { createPrivateKey, sign, webcrypto } from 'node:crypto';
import { BrowserKeySigner } from '@dfns/sdk-browser';
import { AsymmetricKeySigner } from '@dfns/sdk-keysigner';
import { ORIGIN } from './testHelpers.ts';

/** An ECDSA P-256 key pair as a browser makes it (extractable WebCrypto keys), and its private key as PKCS#8 PEM. */
export async function extractableKeyPair() {
  const keyPair = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keyPair.privateKey));
  return {
    keyPair,
    privateKeyPem: createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })
      .export({ type: 'pkcs8', format: 'pem' })
      .toString(),
  };
}

/**
 * A Key credential for a Dfns challenge as the SDKs make one: `@dfns/sdk-browser`'s BrowserKeySigner
 * creates it from a browser key pair, and `@dfns/sdk-keysigner`'s AsymmetricKeySigner, given its
 * private key PEM, signs the user's user actions and logins with it.
 */
export async function sdkKeyCredential(challenge: { challenge: string }) {
  const { keyPair, privateKeyPem } = await extractableKeyPair();
  const credential = await new BrowserKeySigner({ keyPair }).create(challenge as never);
  const signer = new AsymmetricKeySigner({ credId: credential.credentialInfo.credId, privateKey: privateKeyPem });
  return { credential, signer };
}

/** PBKDF2 iterations credkit wraps keys with (its minimum). */
const WRAP_ITERATIONS = 600_000;

async function wrappingKey(secret: string, salt: Uint8Array<ArrayBuffer>) {
  const material = await webcrypto.subtle.importKey('raw', Buffer.from(secret, 'utf8'), 'PBKDF2', false, ['deriveKey']);
  return webcrypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: WRAP_ITERATIONS },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/**
 * A RecoveryKey exactly as credkit's createKeyCredential makes one (packages/core/src/keys): ECDSA
 * P-256, clientData `{"type":"key.create","challenge":base64url(UTF-8 of the challenge),"origin","crossOrigin":false}`,
 * a hex DER signature over `{"clientDataHash","publicKey"}`, and the PKCS#8 private key wrapped under
 * the recovery code (PBKDF2-SHA256 600,000 → AES-GCM-256) as base64 of `{v,format,kdf,cipher,ciphertext}`.
 */
export async function credkitRecoveryKey(challenge: string, recoveryCode: string) {
  const keyPair = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keyPair.privateKey);
  const spki = Buffer.from(await webcrypto.subtle.exportKey('spki', keyPair.publicKey)).toString('base64');
  const publicKey = `-----BEGIN PUBLIC KEY-----\n${spki.match(/.{1,64}/g)?.join('\n')}\n-----END PUBLIC KEY-----`;
  const clientData = Buffer.from(
    JSON.stringify({
      type: 'key.create',
      challenge: Buffer.from(challenge, 'utf8').toString('base64url'),
      origin: ORIGIN,
      crossOrigin: false,
    }),
  );
  const clientDataHash = Buffer.from(await webcrypto.subtle.digest('SHA-256', clientData)).toString('hex');
  const privateKey = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
  const signature = sign('sha256', Buffer.from(JSON.stringify({ clientDataHash, publicKey })), {
    key: privateKey,
    dsaEncoding: 'der',
  });
  const attestation = { publicKey, signature: signature.toString('hex'), algorithm: 'SHA256' };
  const salt = webcrypto.getRandomValues(new Uint8Array(16));
  const iv = webcrypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await webcrypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    await wrappingKey(recoveryCode, salt),
    pkcs8,
  );
  const wrapped = {
    v: 1,
    format: 'pkcs8',
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: WRAP_ITERATIONS, salt: Buffer.from(salt).toString('base64') },
    cipher: { name: 'AES-GCM', length: 256, iv: Buffer.from(iv).toString('base64') },
    ciphertext: Buffer.from(ciphertext).toString('base64'),
  };
  return {
    credentialInfo: {
      credId: Buffer.from(webcrypto.getRandomValues(new Uint8Array(32))).toString('base64url'),
      clientData: clientData.toString('base64url'),
      attestationData: Buffer.from(JSON.stringify(attestation)).toString('base64url'),
    },
    encryptedPrivateKey: Buffer.from(JSON.stringify(wrapped)).toString('base64'),
  };
}

/** The PKCS#8 private key inside an encryptedRecoveryKey, opened with the recovery code (as credkit's unwrapPrivateKey). */
export async function unwrap(encryptedRecoveryKey: string, recoveryCode: string) {
  const wrapped = JSON.parse(Buffer.from(encryptedRecoveryKey, 'base64').toString('utf8'));
  const salt = new Uint8Array(Buffer.from(wrapped.kdf.salt, 'base64'));
  const pkcs8 = await webcrypto.subtle.decrypt(
    { name: 'AES-GCM', iv: Buffer.from(wrapped.cipher.iv, 'base64') },
    await wrappingKey(recoveryCode, salt),
    Buffer.from(wrapped.ciphertext, 'base64'),
  );
  return createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
}
