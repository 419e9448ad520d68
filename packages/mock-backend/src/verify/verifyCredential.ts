import type { MockContext } from '../context.ts';
import { publicKeyToPem } from '../crypto/publicKeyToPem.ts';
import { badRequest, errorMessage } from '../errors.ts';
import { isAllowedOrigin } from '../isAllowedOrigin.ts';
import type { IssuedChallenge } from '../state/challenges.ts';
import type { CreateCredentialBody } from '../wire/createCredentialBody.ts';
import { verifyFido2Registration } from './verifyFido2.ts';
import { verifyKeyCredential } from './verifyKeyCredential.ts';

/** The stored fields a verified credential determines. */
export interface VerifiedCredential {
  credentialId: string;
  publicKey: string;
  origin: string;
  cosePublicKey?: Uint8Array<ArrayBuffer>;
  counter: number;
}

/**
 * Verifies a new credential of any kind against the challenge it answers, which must be for that
 * kind (a registration's or a recovery's challenge takes any kind).
 */
export async function verifyCredential(
  { options }: MockContext,
  body: Pick<CreateCredentialBody, 'credentialKind' | 'credentialInfo'>,
  issued: IssuedChallenge,
  requestOrigin: string | undefined,
): Promise<VerifiedCredential> {
  if (issued.kind !== 'Registration' && issued.kind !== 'Recovery' && issued.kind !== body.credentialKind) {
    throw badRequest(`credentialKind ${body.credentialKind} does not match the challenge's kind ${issued.kind}`);
  }
  if (body.credentialKind === 'Fido2') {
    const fido2 = await verifyFido2Registration(body.credentialInfo, issued, options);
    let publicKey: string;
    try {
      publicKey = await publicKeyToPem(fido2.cosePublicKey);
    } catch (error) {
      // With `fmt: "none"` nothing signs the key: a point off its curve gets this far, and is bad input.
      throw badRequest(
        `credentialInfo.attestationData: the credential public key cannot be imported (${errorMessage(error)})`,
      );
    }
    return {
      credentialId: fido2.credentialId,
      publicKey,
      origin: fido2.origin,
      cosePublicKey: fido2.cosePublicKey,
      counter: fido2.counter,
    };
  }
  const key = await verifyKeyCredential(body.credentialInfo, issued, options);
  // The Dfns SDK's key signer puts no origin in clientData: fall back to the request's, if allowed.
  const origin = key.origin ?? (requestOrigin && isAllowedOrigin(requestOrigin, options.origins) ? requestOrigin : '');
  return { credentialId: key.credentialId, publicKey: key.publicKeyPem, origin, counter: 0 };
}
