import { verifyAuthenticationResponse } from '@simplewebauthn/server';
import { cose, decodeCredentialPublicKey, isoBase64URL } from '@simplewebauthn/server/helpers';
import type { ResolvedMockOptions } from '../config.ts';
import { isStrictDerEcdsaSignature } from '../crypto/strictDer.ts';
import { badRequest, errorMessage } from '../errors.ts';
import { isAllowedOrigin, originNotAllowed } from '../isAllowedOrigin.ts';
import type { IssuedChallenge } from '../state/challenges.ts';
import type { StoredCredential } from '../state/store.ts';
import { clientDataOrigin } from '../wire/clientDataOrigin.ts';
import type { FirstFactorAssertion } from '../wire/readFirstFactor.ts';
import { verifyKeyAssertion } from './verifyKeyCredential.ts';

/**
 * Verifies an assertion of an issued challenge by a stored credential of the assertion's kind: what
 * user actions and logins share. Fido2 goes through `@simplewebauthn/server` (`webauthn.get`, the
 * challenge as base64url of its UTF-8, an allowed origin, the RP id hash, user verification when
 * required, the signature, and a counter that must grow once either side is non-zero; the new counter
 * is stored); key kinds through their `key.get` clientData and ECDSA signature. Throws 400s that say
 * what failed.
 */
export async function verifyAssertion(
  assertion: FirstFactorAssertion,
  credential: StoredCredential,
  issued: IssuedChallenge,
  options: Pick<ResolvedMockOptions, 'origins' | 'rpId'>,
): Promise<void> {
  if (credential.kind !== 'Fido2' || !credential.cosePublicKey) {
    await verifyKeyAssertion(assertion, credential.publicKey, issued, options);
    return;
  }
  // The origin rule first, as for registrations; clientData that does not decode is left to the verifier.
  const origin = clientDataOrigin(assertion.clientData, 'firstFactor.clientData');
  if (origin !== undefined && !isAllowedOrigin(origin, options.origins)) {
    throw originNotAllowed(origin, options.origins);
  }
  // @simplewebauthn/server reads ECDSA signatures leniently (a flipped DER tag or length bit verifies
  // the same): as for attestation signatures, every bit must count.
  if (
    cose.isCOSEPublicKeyEC2(decodeCredentialPublicKey(credential.cosePublicKey)) &&
    !isStrictDerEcdsaSignature(isoBase64URL.toBuffer(assertion.signature))
  ) {
    throw badRequest('Fido2 assertion failed verification: the signature is not a strict DER ECDSA signature');
  }
  let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    verification = await verifyAuthenticationResponse({
      response: {
        id: assertion.credId,
        rawId: assertion.credId,
        type: 'public-key',
        response: {
          clientDataJSON: assertion.clientData,
          authenticatorData: assertion.authenticatorData ?? '',
          signature: assertion.signature,
          ...(assertion.userHandle !== undefined && { userHandle: assertion.userHandle }),
        },
        clientExtensionResults: {},
      },
      expectedChallenge: isoBase64URL.fromUTF8String(issued.challenge),
      expectedOrigin: origin ?? [],
      expectedRPID: options.rpId,
      credential: { id: credential.credentialId, publicKey: credential.cosePublicKey, counter: credential.counter },
      requireUserVerification: issued.userVerification === 'required',
    });
  } catch (error) {
    throw badRequest(`Fido2 assertion failed verification: ${errorMessage(error)}`);
  }
  if (!verification.verified) throw badRequest('Fido2 assertion failed verification');
  credential.counter = verification.authenticationInfo.newCounter;
}
