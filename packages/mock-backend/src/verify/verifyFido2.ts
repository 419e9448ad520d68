import { verifyRegistrationResponse } from '@simplewebauthn/server';
import { decodeAttestationObject, isoBase64URL, isoCBOR, isoUint8Array } from '@simplewebauthn/server/helpers';
import { isStrictDerEcdsaSignature } from '../crypto/strictDer.ts';
import { badRequest, errorMessage } from '../errors.ts';
import { isAllowedOrigin, originNotAllowed } from '../isAllowedOrigin.ts';
import type { IssuedChallenge } from '../state/challenges.ts';
import { parseClientJson } from '../wire/parseJson.ts';

/** The Fido2 `credentialInfo` of a `POST /auth/credentials` body, already checked to be base64url strings. */
export interface Fido2CredentialInfo {
  credId: string;
  clientData: string;
  attestationData: string;
}

/** What a verified registration yields. */
export interface VerifiedFido2Registration {
  credentialId: string;
  cosePublicKey: Uint8Array<ArrayBuffer>;
  counter: number;
  origin: string;
}

function decodeAttestation(attestationData: string): string {
  const bytes = isoBase64URL.toBuffer(attestationData);
  let decoded: Map<string, unknown> | undefined;
  try {
    decoded = decodeAttestationObject(bytes) as unknown as Map<string, unknown>;
  } catch {
    decoded = undefined;
  }
  const complete =
    decoded instanceof Map &&
    typeof decoded.get('fmt') === 'string' &&
    decoded.get('attStmt') instanceof Map &&
    decoded.get('authData') instanceof Uint8Array;
  if (complete && decoded) {
    // Lenient CBOR decoding accepts a length that runs past the end, or trailing bytes: re-encoding
    // must give back exactly what was sent, so that every bit of it counts.
    if (!isoUint8Array.areEqual(isoCBOR.encode(decoded as never), bytes)) {
      throw badRequest('credentialInfo.attestationData is not canonical CBOR (a length or trailing bytes are off)');
    }
    const sig = (decoded.get('attStmt') as Map<string, unknown>).get('sig');
    const alg = (decoded.get('attStmt') as Map<string, unknown>).get('alg');
    if (sig instanceof Uint8Array && alg === -7 && !isStrictDerEcdsaSignature(sig)) {
      throw badRequest('credentialInfo.attestationData attStmt.sig is not a strict DER ECDSA signature');
    }
    return decoded.get('fmt') as string;
  }
  // 32-byte rpIdHash + flags + 4-byte counter: the bare authenticatorData of a sign-in, as in the Dfns seed example.
  const hint =
    bytes.length === 37
      ? ' (37 bytes: this looks like bare authenticatorData, as in the Dfns reference example)'
      : ` (${bytes.length} bytes)`;
  throw badRequest(
    `credentialInfo.attestationData is not a CBOR attestationObject with fmt, attStmt and authData${hint}: send the whole response.attestationObject, base64url-encoded`,
  );
}

function originOf(clientData: string): string {
  let parsed: unknown;
  try {
    parsed = parseClientJson(isoBase64URL.toUTF8String(clientData), 'credentialInfo.clientData');
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw badRequest('credentialInfo.clientData does not decode to JSON: send base64url(response.clientDataJSON)');
  }
  const origin = (parsed as { origin?: unknown } | null)?.origin;
  if (typeof origin !== 'string') throw badRequest('credentialInfo.clientData has no origin');
  return origin;
}

/**
 * Verifies a Fido2 registration against the challenge the mock issued, with `@simplewebauthn/server`:
 * a complete attestationObject, an allowed origin, `webauthn.create`, the challenge
 * (base64url of the UTF-8 of the issued string), the RP id hash, user verification when demanded,
 * the attestation statement, and `credId` = the attested credential id. Throws 400s that say what failed.
 */
export async function verifyFido2Registration(
  info: Fido2CredentialInfo,
  issued: IssuedChallenge,
  { origins, rpId }: { origins?: readonly string[]; rpId: string },
): Promise<VerifiedFido2Registration> {
  const fmt = decodeAttestation(info.attestationData);
  const origin = originOf(info.clientData);
  if (!isAllowedOrigin(origin, origins)) throw originNotAllowed(origin, origins);

  let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verification = await verifyRegistrationResponse({
      response: {
        id: info.credId,
        rawId: info.credId,
        type: 'public-key',
        response: { clientDataJSON: info.clientData, attestationObject: info.attestationData },
        clientExtensionResults: {},
      },
      expectedChallenge: isoBase64URL.fromUTF8String(issued.challenge),
      expectedOrigin: origin,
      expectedRPID: rpId,
      requireUserVerification: issued.userVerification === 'required',
    });
  } catch (error) {
    throw badRequest(`Fido2 registration failed verification: ${errorMessage(error)}`);
  }
  if (!verification.verified) {
    throw badRequest(
      `Fido2 registration failed verification: the "${fmt}" attestation signature does not match authenticatorData and the clientData hash`,
    );
  }

  const { credential } = verification.registrationInfo;
  if (credential.id !== info.credId) {
    throw badRequest(`credentialInfo.credId (${info.credId}) is not the attested credential id (${credential.id})`);
  }
  return { credentialId: credential.id, cosePublicKey: credential.publicKey, counter: credential.counter, origin };
}
