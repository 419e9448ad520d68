import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { createChallengeStore, type IssuedChallenge } from './challenges.ts';
import type { ResolvedMockOptions } from './config.ts';
import { type CreateCredentialBody, readCreateCredentialBody, registrableKind } from './createCredentialBody.ts';
import { badRequest, DfnsHttpError, dfnsErrorBody } from './errors.ts';
import { dfnsId } from './ids.ts';
import { publicKeyToPem } from './publicKeyToPem.ts';
import { readJsonObject } from './requestBody.ts';
import { createStore, type MockStore, type MockUser, type StoredCredential } from './store.ts';
import { verifyFido2Registration } from './verifyFido2.ts';
import { verifyKeyCredential } from './verifyKeyCredential.ts';

/** The largest request body the mock reads. */
export const MAX_BODY_BYTES = 64 * 1024;
export { MAX_CREDENTIAL_NAME_LENGTH } from './createCredentialBody.ts';

/** The nine fields of Dfns' `CreateCredentialResponse`. */
function toCredentialResponse(credential: StoredCredential) {
  const { kind, credentialId, credentialUuid, dateCreated, isActive, name, publicKey, relyingPartyId, origin } =
    credential;
  return { kind, credentialId, credentialUuid, dateCreated, isActive, name, publicKey, relyingPartyId, origin };
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** Builds the Hono app of the mock backend, with its own in-memory store. */
export function createApp(options: ResolvedMockOptions): {
  app: Hono<{ Variables: { user: MockUser } }>;
  store: MockStore;
} {
  const store = createStore(options.token);
  const challenges = createChallengeStore({ ttlMs: options.challengeTtlMs, now: options.now });
  const app = new Hono<{ Variables: { user: MockUser } }>();

  /** Kind-specific verification → the stored fields it determines. */
  async function verifyCredential(body: CreateCredentialBody, issued: IssuedChallenge, requestOrigin?: string) {
    if (body.credentialKind === 'Fido2') {
      const fido2 = await verifyFido2Registration(body.credentialInfo, issued, options);
      return {
        credentialId: fido2.credentialId,
        publicKey: publicKeyToPem(fido2.cosePublicKey),
        origin: fido2.origin,
        cosePublicKey: fido2.cosePublicKey,
        counter: fido2.counter,
      };
    }
    const key = verifyKeyCredential(body.credentialInfo, issued, options);
    // The Dfns SDK's key signer puts no origin in clientData: fall back to the request's.
    const origin = key.origin ?? (requestOrigin && options.origins.includes(requestOrigin) ? requestOrigin : '');
    return { credentialId: key.credentialId, publicKey: key.publicKeyPem, origin, counter: 0 };
  }

  app.onError((error, c) => {
    if (error instanceof DfnsHttpError) return c.json(dfnsErrorBody(error.message), error.status);
    console.error('credkit mock backend: unexpected error', error);
    return c.json(dfnsErrorBody('Internal mock backend error'), 500);
  });
  app.notFound((c) => c.json(dfnsErrorBody(`Route not found: ${c.req.method} ${c.req.path}`), 404));

  // CORS first, so preflights need no token.
  app.use(
    '*',
    cors({
      origin: (origin) => (options.origins.includes(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
      allowHeaders: [
        'Authorization',
        'Content-Type',
        'X-DFNS-USERACTION',
        'X-DFNS-APPID',
        'X-DFNS-NONCE',
        'X-DFNS-SDK-VERSION',
      ],
      maxAge: 600,
    }),
  );

  app.use('/auth/*', async (c, next) => {
    const token = bearerToken(c.req.header('Authorization'));
    const user = token === undefined ? undefined : store.userByToken(token);
    if (!user) throw new DfnsHttpError(401, 'Not Authorized.');
    c.set('user', user);
    await next();
  });

  // Bodies: JSON only, and at most 64 KiB (read as a stream, so a lying Content-Length doesn't help).
  app.on(['POST', 'PUT'], '/auth/*', async (c, next) => {
    const type = c.req.header('Content-Type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      throw new DfnsHttpError(415, `Content-Type must be application/json, got ${type ? `"${type}"` : 'none'}`);
    }
    await next();
  });
  app.use(
    '/auth/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json(dfnsErrorBody(`Request body is larger than ${MAX_BODY_BYTES / 1024} KiB`), 413),
    }),
  );

  // Mock-only: who the bearer token belongs to, so a demo can say who is signed in.
  app.get('/auth/users/me', (c) => c.json(c.get('user')));

  app.post('/auth/credentials/init', async (c) => {
    const user = c.get('user');
    const body = await readJsonObject(c.req.raw);
    const kind = registrableKind(body.kind, 'kind');
    const userVerification = 'required';
    const issued = challenges.issue({ userId: user.userId, kind, userVerification });
    const common = {
      kind,
      user: { id: user.userId, name: user.username, displayName: user.displayName },
      challengeIdentifier: issued.challengeIdentifier,
      challenge: issued.challenge,
      rp: { id: options.rpId, name: options.rpName },
      attestation: 'none',
      pubKeyCredParams: [-7, -257, -8].map((alg) => ({ type: 'public-key', alg })),
      temporaryAuthenticationToken: issued.challengeIdentifier,
    };
    if (kind !== 'Fido2') return c.json(common);
    return c.json({
      ...common,
      authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification },
      excludeCredentials: store
        .credentialsOf(user.userId)
        .filter((credential) => credential.kind === 'Fido2')
        .map((credential) => ({ type: 'public-key', id: credential.credentialId })),
    });
  });

  // A change-inducing route: a later issue puts X-DFNS-USERACTION verification in front of it.
  app.post('/auth/credentials', async (c) => {
    const user = c.get('user');
    const body = readCreateCredentialBody(await readJsonObject(c.req.raw));
    const issued = challenges.consume(body.challengeIdentifier, user.userId);
    if (issued.kind !== body.credentialKind) {
      throw badRequest(`credentialKind ${body.credentialKind} does not match the challenge's kind ${issued.kind}`);
    }
    const verified = await verifyCredential(body, issued, c.req.header('Origin'));
    if (store.findCredential(user.userId, verified.credentialId)) {
      throw new DfnsHttpError(409, `credential ${verified.credentialId} is already registered for this user`);
    }
    const credential: StoredCredential = {
      ...verified,
      kind: body.credentialKind,
      credentialUuid: dfnsId('cr'),
      dateCreated: new Date(options.now()).toISOString(),
      isActive: true,
      name: body.credentialName,
      relyingPartyId: options.rpId,
      userId: user.userId,
      ...(body.encryptedPrivateKey !== undefined && { encryptedPrivateKey: body.encryptedPrivateKey }),
    };
    store.addCredential(credential);
    return c.json(toCredentialResponse(credential));
  });

  app.get('/auth/credentials', (c) =>
    c.json({ items: store.credentialsOf(c.get('user').userId).map(toCredentialResponse) }),
  );

  return { app, store };
}
