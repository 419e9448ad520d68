import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { createChallengeStore } from './challenges.ts';
import type { ResolvedMockOptions } from './config.ts';
import { badRequest, DfnsHttpError, dfnsErrorBody } from './errors.ts';
import { dfnsId } from './ids.ts';
import { publicKeyToPem } from './publicKeyToPem.ts';
import { base64urlField, objectField, readJsonObject, stringField } from './requestBody.ts';
import { createStore, type MockStore, type MockUser, type StoredCredential } from './store.ts';
import { verifyFido2Registration } from './verifyFido2.ts';

const CREDENTIAL_KINDS = ['Fido2', 'Key', 'PasswordProtectedKey', 'RecoveryKey', 'Password', 'Totp'];

/** The largest request body the mock reads. */
export const MAX_BODY_BYTES = 64 * 1024;
/** The longest `credentialName` the mock stores. */
export const MAX_CREDENTIAL_NAME_LENGTH = 256;

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
    const kind = stringField(body.kind, 'kind');
    if (!CREDENTIAL_KINDS.includes(kind)) {
      throw badRequest(`kind must be one of ${CREDENTIAL_KINDS.join(', ')}, got "${kind}"`);
    }
    if (kind !== 'Fido2') throw badRequest(`kind ${kind} is not supported by this mock backend yet (Fido2 is)`);

    const userVerification = 'required';
    const issued = challenges.issue({ userId: user.userId, kind, userVerification });
    return c.json({
      kind,
      user: { id: user.userId, name: user.username, displayName: user.displayName },
      challengeIdentifier: issued.challengeIdentifier,
      challenge: issued.challenge,
      rp: { id: options.rpId, name: options.rpName },
      authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification },
      attestation: 'none',
      pubKeyCredParams: [-7, -257, -8].map((alg) => ({ type: 'public-key', alg })),
      excludeCredentials: store
        .credentialsOf(user.userId)
        .filter((credential) => credential.kind === 'Fido2')
        .map((credential) => ({ type: 'public-key', id: credential.credentialId })),
      temporaryAuthenticationToken: issued.challengeIdentifier,
    });
  });

  // A change-inducing route: a later issue puts X-DFNS-USERACTION verification in front of it.
  app.post('/auth/credentials', async (c) => {
    const user = c.get('user');
    const body = await readJsonObject(c.req.raw);
    const challengeIdentifier = stringField(body.challengeIdentifier, 'challengeIdentifier');
    const credentialName = stringField(body.credentialName, 'credentialName');
    if (credentialName.trim() === '') throw badRequest('credentialName must not be blank');
    if (credentialName.length > MAX_CREDENTIAL_NAME_LENGTH) {
      throw badRequest(
        `credentialName is too long (${credentialName.length} characters, at most ${MAX_CREDENTIAL_NAME_LENGTH})`,
      );
    }
    const credentialKind = stringField(body.credentialKind, 'credentialKind');
    if (credentialKind !== 'Fido2') {
      throw badRequest(
        CREDENTIAL_KINDS.includes(credentialKind)
          ? `credentialKind ${credentialKind} is not supported by this mock backend yet (Fido2 is)`
          : `credentialKind must be one of ${CREDENTIAL_KINDS.join(', ')}, got "${credentialKind}"`,
      );
    }
    const info = objectField(body.credentialInfo, 'credentialInfo');
    const credentialInfo = {
      credId: base64urlField(info.credId, 'credentialInfo.credId'),
      clientData: base64urlField(info.clientData, 'credentialInfo.clientData'),
      attestationData: base64urlField(info.attestationData, 'credentialInfo.attestationData'),
    };

    const issued = challenges.consume(challengeIdentifier, user.userId);
    if (issued.kind !== credentialKind) {
      throw badRequest(`credentialKind ${credentialKind} does not match the challenge's kind ${issued.kind}`);
    }
    const verified = await verifyFido2Registration(credentialInfo, issued, options);
    if (store.findCredential(user.userId, verified.credentialId)) {
      throw new DfnsHttpError(409, `credential ${verified.credentialId} is already registered for this user`);
    }

    const credential: StoredCredential = {
      kind: 'Fido2',
      credentialId: verified.credentialId,
      credentialUuid: dfnsId('cr'),
      dateCreated: new Date(options.now()).toISOString(),
      isActive: true,
      name: credentialName,
      publicKey: publicKeyToPem(verified.cosePublicKey),
      relyingPartyId: options.rpId,
      origin: verified.origin,
      userId: user.userId,
      cosePublicKey: verified.cosePublicKey,
      counter: verified.counter,
    };
    store.addCredential(credential);
    return c.json(toCredentialResponse(credential));
  });

  app.get('/auth/credentials', (c) =>
    c.json({ items: store.credentialsOf(c.get('user').userId).map(toCredentialResponse) }),
  );

  return { app, store };
}
