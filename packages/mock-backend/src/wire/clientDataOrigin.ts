import { isoBase64URL } from '@simplewebauthn/server/helpers';

/** The `origin` string of a base64url clientDataJSON, or undefined when it has none or does not decode. */
export function clientDataOrigin(clientData: string): string | undefined {
  try {
    const origin = (JSON.parse(isoBase64URL.toUTF8String(clientData)) as { origin?: unknown } | null)?.origin;
    return typeof origin === 'string' ? origin : undefined;
  } catch {
    return undefined;
  }
}
