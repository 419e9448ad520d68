import { toBase64 } from './base64.ts';

/** A DER SubjectPublicKeyInfo → PEM, 64 characters a line, `\n` line ends (as the Dfns SDK writes it). */
export function spkiToPem(spki: ArrayBuffer | Uint8Array): string {
  const lines = toBase64(spki).match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----`;
}
