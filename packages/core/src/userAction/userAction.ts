import { isRecord } from '../dfns/isRecord.ts';
import { CredkitError } from '../errors/credkitError.ts';
import { callFetcher } from '../http/callFetcher.ts';
import type { Fetcher, FetcherRequest } from '../http/fetcher.ts';
import { signUserActionChallenge } from './signUserActionChallenge.ts';

/** A credential the user may sign a user action with. */
export interface AllowedCredential {
  type: 'public-key';
  id: string;
  /** PasswordProtectedKey: the wrapped private key. */
  encryptedPrivateKey?: string;
}

/** The challenge of `POST /auth/action/init` (`CreateUserActionChallengeResponse`). */
export interface UserActionChallenge {
  /** An opaque string: its UTF-8 bytes are what the credential signs. */
  challenge: string;
  challengeIdentifier: string;
  userVerification: 'required' | 'preferred' | 'discouraged';
  allowCredentials: {
    webauthn: AllowedCredential[];
    key: AllowedCredential[];
    passwordProtectedKey?: AllowedCredential[];
  };
  rp?: { id: string; name: string };
  [field: string]: unknown;
}

/** The `firstFactor` of `POST /auth/action`: an assertion of an existing credential. */
export type UserActionAssertion =
  | {
      kind: 'Fido2';
      credentialAssertion: {
        credId: string;
        clientData: string;
        authenticatorData: string;
        signature: string;
        userHandle?: string;
      };
    }
  | {
      kind: 'Key' | 'PasswordProtectedKey';
      credentialAssertion: { credId: string; clientData: string; signature: string; algorithm?: string };
    };

/** Signs a user-action challenge with one of the user's existing credentials (the Dfns SDK's signers have this shape too). */
export interface UserActionSigner {
  sign(challenge: UserActionChallenge, signal?: AbortSignal): Promise<UserActionAssertion>;
}

/**
 * A {@link UserActionSigner} that carries the Dfns user-action protocol, as registration takes it:
 * the protocol ships with the signer, so a host that never signs does not bundle it. credkit's
 * signers are such; {@link withUserActionProtocol} makes one of any other signer.
 */
export interface UserActionSignerWithProtocol extends UserActionSigner {
  /** {@link obtainUserAction} with this signer: the `X-DFNS-USERACTION` token for one request. */
  obtainUserAction(fetcher: Fetcher, request: UserActionRequest, signal?: AbortSignal): Promise<string>;
}

/** The request a user action authorises. */
export interface UserActionRequest {
  method: FetcherRequest['method'];
  path: string;
  /** The exact body text that will be sent. */
  bodyText: string;
}

/**
 * Dfns user-action signing for one request: `POST /auth/action/init` (with the exact body text) →
 * the signer's assertion → `POST /auth/action` → the `X-DFNS-USERACTION` token for that request.
 */
export async function obtainUserAction(
  fetcher: Fetcher,
  signer: UserActionSigner,
  { method, path, bodyText }: UserActionRequest,
  signal?: AbortSignal,
): Promise<string> {
  const challenge = await callFetcher(
    fetcher,
    {
      method: 'POST',
      path: '/auth/action/init',
      body: {
        userActionPayload: bodyText,
        userActionHttpMethod: method,
        userActionHttpPath: path,
        userActionServerKind: 'Api',
      },
      signal,
    },
    'signing',
  );
  // The same step a host's backend hands the browser in the delegated flows.
  const signedChallenge = await signUserActionChallenge(challenge, { signer, signal });
  const answer = await callFetcher(
    fetcher,
    { method: 'POST', path: '/auth/action', body: signedChallenge, signal },
    'signing',
  );
  if (!isRecord(answer) || typeof answer.userAction !== 'string' || answer.userAction === '') {
    throw new CredkitError('server', { message: 'The server sent no userAction token.', phase: 'signing' });
  }
  return answer.userAction;
}

/**
 * Attaches the Dfns user-action protocol to a signer (e.g. the Dfns SDK's `WebAuthnSigner`), so that
 * registration can confirm with it: `userActionSigner: withUserActionProtocol(signer)`.
 */
export function withUserActionProtocol(signer: UserActionSigner): UserActionSignerWithProtocol {
  return {
    sign: (challenge, signal) => signer.sign(challenge, signal),
    obtainUserAction: (fetcher, request, signal) => obtainUserAction(fetcher, signer, request, signal),
  };
}
