import { fromBase64url } from '../encoding/base64url.ts';
import { CredkitError } from '../errors/credkitError.ts';
import type { Fido2CredentialChallenge, KeyCredentialChallenge, KeyCredentialKind } from './dfnsTypes.ts';
import { checkShape, type Shape } from './shape.ts';

function fail(problem: string): never {
  throw new CredkitError('invalid-challenge', {
    message: `The server sent an invalid registration challenge: ${problem}.`,
    phase: 'challenge',
  });
}

const REQUIREMENT = '=required|preferred|discouraged';

/** What every `POST /auth/credentials/init` answer has, whatever the kind. */
const CHALLENGE = {
  user: { id: 's+', name: 's', displayName: 's' },
  challengeIdentifier: 's+',
  challenge: 's+',
} as const;

const FIDO2_CHALLENGE: Shape = {
  kind: '=Fido2',
  ...CHALLENGE,
  rp: { '?': 1, id: 's', name: 's' },
  authenticatorSelection: {
    authenticatorAttachment: '=platform|cross-platform?',
    residentKey: REQUIREMENT,
    requireResidentKey: 'b',
    userVerification: REQUIREMENT,
  },
  attestation: '=none|indirect|direct|enterprise',
  pubKeyCredParams: [{ type: '=public-key', alg: 'n' }],
  excludeCredentials: [{ type: '=public-key', id: 's+' }],
  temporaryAuthenticationToken: 's?',
};

/**
 * Validates the body of `POST /auth/credentials/init` for a Fido2 credential.
 * Unknown fields are kept; a missing or mistyped field throws `invalid-challenge` naming it.
 */
export function validateFido2Challenge(value: unknown): Fido2CredentialChallenge {
  const body = checkShape<Fido2CredentialChallenge>(value, FIDO2_CHALLENGE, fail, 'challenge response');
  return {
    ...body,
    // Decoded once here, with the codec the options use: a wrong alphabet or a length no base64url has
    // (1 mod 4) is the server's error now, not a raw DOMException later. Other members (`transports`) stay.
    excludeCredentials: body.excludeCredentials.map((descriptor, index) => {
      try {
        fromBase64url(descriptor.id);
      } catch {
        fail(`excludeCredentials[${index}].id must be base64url`);
      }
      return descriptor;
    }),
  };
}

/**
 * Validates the body of `POST /auth/credentials/init` for a key kind (`Key`, `PasswordProtectedKey`,
 * `RecoveryKey`): the fields a key registration uses must be there; unknown fields are kept.
 */
export function validateKeyChallenge(value: unknown, kind: KeyCredentialKind): KeyCredentialChallenge {
  return checkShape(value, { kind: `=${kind}`, ...CHALLENGE }, fail, 'challenge response');
}
