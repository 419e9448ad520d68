import { verifyAuthenticationResponse } from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { Hono } from 'hono';
import { requireUser } from '../auth.ts';
import type { MockContext, MockEnv } from '../context.ts';
import { badRequest, errorMessage } from '../errors.ts';
import { isAllowedOrigin, originNotAllowed } from '../isAllowedOrigin.ts';
import type { StoredCredential } from '../state/store.ts';
import { payloadHash } from '../state/userActionTokens.ts';
import { verifyKeyAssertion } from '../verify/verifyKeyCredential.ts';
import { clientDataOrigin } from '../wire/clientDataOrigin.ts';
import { base64urlField, objectField, parseJsonObject, stringField } from '../wire/requestBody.ts';

const SIGNING_KINDS = ['Fido2', 'Key', 'PasswordProtectedKey'] as const;

function descriptors(credentials: StoredCredential[], kind: StoredCredential['kind']) {
  return credentials
    .filter((credential) => credential.kind === kind && credential.isActive)
    .map((credential) => ({ type: 'public-key' as const, id: credential.credentialId }));
}

/**
 * User-action signing: `POST /auth/action/init` → a challenge bound to the request to authorise;
 * `POST /auth/action` with an assertion of one of the user's credentials → `{ userAction }`.
 */
export function userActionRoutes(ctx: MockContext) {
  const { options, store, challenges, userActions } = ctx;
  const app = new Hono<MockEnv>();

  app.post('/auth/action/init', requireUser(ctx), async (c) => {
    const user = c.get('user');
    const body = parseJsonObject(await c.req.text());
    const payload = body.userActionPayload;
    if (typeof payload !== 'string') throw badRequest('userActionPayload is required (the exact JSON text to send)');
    const method = stringField(body.userActionHttpMethod, 'userActionHttpMethod').toUpperCase();
    const path = stringField(body.userActionHttpPath, 'userActionHttpPath');
    const issued = challenges.issue({
      userId: user.userId,
      kind: 'UserAction',
      userVerification: 'required',
      action: { method, path, payloadHash: await payloadHash(payload) },
    });
    const credentials = store.credentialsOf(user.userId);
    return c.json({
      challenge: issued.challenge,
      challengeIdentifier: issued.challengeIdentifier,
      rp: { id: options.rpId, name: options.rpName },
      supportedCredentialKinds: SIGNING_KINDS.map((kind) => ({ kind, factor: 'first', requiresSecondFactor: false })),
      userVerification: issued.userVerification,
      attestation: 'none',
      allowCredentials: {
        webauthn: descriptors(credentials, 'Fido2'),
        key: descriptors(credentials, 'Key'),
        passwordProtectedKey: credentials
          .filter((credential) => credential.kind === 'PasswordProtectedKey' && credential.isActive)
          .map((credential) => ({
            type: 'public-key',
            id: credential.credentialId,
            encryptedPrivateKey: credential.encryptedPrivateKey ?? '',
          })),
      },
      externalAuthenticationUrl: '',
    });
  });

  app.post('/auth/action', requireUser(ctx), async (c) => {
    const user = c.get('user');
    const body = parseJsonObject(await c.req.text());
    const challengeIdentifier = stringField(body.challengeIdentifier, 'challengeIdentifier');
    const firstFactor = objectField(body.firstFactor, 'firstFactor');
    const kind = stringField(firstFactor.kind, 'firstFactor.kind');
    if (!(SIGNING_KINDS as readonly string[]).includes(kind)) {
      throw badRequest(`firstFactor.kind must be one of ${SIGNING_KINDS.join(', ')}, got "${kind}"`);
    }
    const assertion = objectField(firstFactor.credentialAssertion, 'firstFactor.credentialAssertion');
    const field = (name: string) => base64urlField(assertion[name], `firstFactor.credentialAssertion.${name}`);
    const credId = field('credId');
    const clientData = field('clientData');
    const signature = field('signature');

    const issued = challenges.consume(challengeIdentifier, user.userId);
    if (issued.kind !== 'UserAction' || !issued.action) {
      throw badRequest('challengeIdentifier is not a user-action challenge');
    }
    const credential = store.findCredential(user.userId, credId);
    if (!credential || credential.kind !== kind || !credential.isActive) {
      throw badRequest(`credential ${credId} is not an active ${kind} credential of this user`);
    }

    if (credential.kind === 'Fido2' && credential.cosePublicKey) {
      // The origin rule first, as for registrations; clientData that does not decode is left to the verifier.
      const origin = clientDataOrigin(clientData);
      if (origin !== undefined && !isAllowedOrigin(origin, options.origins)) {
        throw originNotAllowed(origin, options.origins);
      }
      let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
      try {
        verification = await verifyAuthenticationResponse({
          response: {
            id: credId,
            rawId: credId,
            type: 'public-key',
            response: {
              clientDataJSON: clientData,
              authenticatorData: field('authenticatorData'),
              signature,
              ...(typeof assertion.userHandle === 'string' &&
                assertion.userHandle !== '' && { userHandle: assertion.userHandle }),
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
    } else {
      await verifyKeyAssertion({ credId, clientData, signature }, credential.publicKey, issued, options);
    }
    return c.json({ userAction: userActions.issue(user.userId, issued.action) });
  });

  return app;
}
