import { toBase64url, utf8 } from '../encoding/base64url.ts';

/** The page's origin, where there is a page (`undefined` on the server and in Node). */
export function pageOrigin(): string | undefined {
  return typeof location === 'undefined' ? undefined : location.origin;
}

/**
 * The clientData bytes a key credential signs: `{"type","challenge","origin","crossOrigin":false}`,
 * the challenge as base64url of its UTF-8 bytes, as it enters a WebAuthn clientDataJSON. `key.create`
 * when registering the key, `key.get` when it confirms a user action.
 */
export function keyClientData(
  type: 'key.create' | 'key.get',
  challenge: string,
  origin: string | undefined,
): Uint8Array<ArrayBuffer> {
  return utf8(JSON.stringify({ type, challenge: toBase64url(utf8(challenge)), origin, crossOrigin: false }));
}
