// Property-based fuzzing of every endpoint: whatever arrives, the answer is a Dfns-shaped 4xx (or a
// success), never a 5xx, and the server keeps serving. Bounded: FUZZ_RUNS requests per property.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_ID } from './config.ts';
import {
  addRecoveryKey,
  ORIGIN,
  passkeyFactor,
  recoveryAssertion,
  registration,
  setupBackend,
  signUpWithPasskey,
  TOKEN,
} from './testHelpers.ts';
import { createSoftwareAuthenticator } from './testing/softwareAuthenticator.ts';

const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const ROUTES = [
  '/auth/credentials/init',
  '/auth/credentials',
  '/auth/credentials/code',
  '/auth/credentials/code/init',
  '/auth/credentials/code/verify',
  '/auth/credentials/activate',
  '/auth/credentials/deactivate',
  '/auth/login/init',
  '/auth/login',
  '/auth/action/init',
  '/auth/action',
  '/auth/registration/init',
  '/auth/registration',
  '/auth/registration/enduser',
  '/auth/users/me',
  '/auth/recover/user/code',
  '/auth/recover/user/init',
  '/auth/recover/user',
  '/mock/recovery-codes',
  '/mock/recovery-codes?username=demo@credkit.dev',
  '/auth/login/code',
  '/mock/login-codes',
  '/mock/login-codes?username=demo@credkit.dev',
  '/auth/nothing',
  '/',
  '/auth',
];

const headerText = fc.string({
  unit: fc.constantFrom(...'abcdefXYZ0189 -_/;=+.,:"\''.split('')),
  maxLength: 40,
});
const authorization = fc.oneof(
  fc.constant(`Bearer ${TOKEN}`),
  fc.constant(undefined),
  headerText,
  headerText.map((token) => `Bearer ${token}`),
);
const contentType = fc.oneof(
  fc.constant('application/json'),
  fc.constant('application/json; charset=utf-8'),
  fc.constant(undefined),
  headerText,
);
const base64urlText = fc.string({ unit: fc.constantFrom(...'ABCxyz019-_'.split('')), maxLength: 120 });
function assertionFields() {
  return {
    credId: fc.oneof(base64urlText, fc.jsonValue()),
    clientData: base64urlText,
    authenticatorData: base64urlText,
    signature: base64urlText,
    userHandle: fc.oneof(base64urlText, fc.jsonValue()),
  };
}
const assertion = fc.record(assertionFields(), { requiredKeys: [] });
const nearlyValidBody = fc.record(
  {
    kind: fc.oneof(fc.constantFrom('Fido2', 'Key', 'Totp', ''), fc.jsonValue()),
    code: fc.oneof(fc.constantFrom('AAA-BBB-CCC', ''), fc.jsonValue()),
    expiration: fc.oneof(
      fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
      // Around the one-minute limit, where the checks are.
      fc.integer({ min: -120, max: 120 }).map((seconds) => new Date(Date.now() + seconds * 1000).toISOString()),
      fc.integer(),
      fc.jsonValue(),
    ),
    credentialUuid: fc.oneof(fc.constantFrom('cr-x', ''), fc.jsonValue()),
    orgId: fc.oneof(fc.constant(DEFAULT_ORG_ID), fc.jsonValue()),
    username: fc.oneof(fc.constantFrom('demo@credkit.dev', 'nobody'), fc.jsonValue()),
    loginCode: fc.oneof(fc.constantFrom('1234-1234-1234-1234', ''), fc.jsonValue()),
    firstFactor: fc.oneof(
      fc.record(
        { kind: fc.constantFrom('Fido2', 'Key', 'PasswordProtectedKey', 'Totp'), credentialAssertion: assertion },
        { requiredKeys: [] },
      ),
      fc.jsonValue(),
    ),
    credentialKind: fc.oneof(fc.constantFrom('Fido2', 'Key'), fc.jsonValue()),
    credentialName: fc.oneof(fc.string({ maxLength: 300 }), fc.jsonValue()),
    challengeIdentifier: fc.oneof(base64urlText, fc.jsonValue()),
    credentialInfo: fc.oneof(
      fc.record(
        { credId: fc.oneof(base64urlText, fc.jsonValue()), clientData: base64urlText, attestationData: base64urlText },
        { requiredKeys: [] },
      ),
      fc.jsonValue(),
    ),
    verificationCode: fc.oneof(fc.constantFrom('1234-1234-1234-1234', ''), fc.jsonValue()),
    credentialId: fc.oneof(base64urlText, fc.jsonValue()),
    recovery: fc.oneof(
      fc.record(
        {
          kind: fc.oneof(fc.constantFrom('RecoveryKey', 'Key'), fc.jsonValue()),
          credentialAssertion: fc.oneof(
            fc.record(
              { ...assertionFields(), algorithm: fc.oneof(fc.constant('SHA256'), fc.jsonValue()) },
              {
                requiredKeys: [],
              },
            ),
            fc.jsonValue(),
          ),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue(),
    ),
    newCredentials: fc.oneof(
      fc.record(
        {
          firstFactorCredential: fc.jsonValue(),
          secondFactorCredential: fc.jsonValue(),
          recoveryCredential: fc.oneof(
            fc.record(
              {
                credentialKind: fc.oneof(fc.constant('RecoveryKey'), fc.jsonValue()),
                credentialInfo: fc.jsonValue(),
                encryptedPrivateKey: fc.oneof(fc.constant('AAAA'), fc.jsonValue()),
              },
              { requiredKeys: [] },
            ),
            fc.jsonValue(),
          ),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue(),
    ),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  nearlyValidBody.map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }),
);

/** One change to a base64url field: a bit flipped, or the whole value replaced by anything. */
const mutation = fc.record({
  replacement: fc.oneof(base64urlText, fc.jsonValue()),
  byteIndex: fc.nat(),
  bit: fc.nat(7),
  flip: fc.boolean(),
});

type Mutation = { replacement: unknown; byteIndex: number; bit: number; flip: boolean };

/** `original` with `field` changed as `change` says. */
function mutated(original: object, field: string, change: Mutation) {
  const fields = original as Record<string, unknown>;
  if (!change.flip) return { ...fields, [field]: change.replacement };
  const bytes = Buffer.from(String(fields[field] ?? ''), 'base64url');
  const index = change.byteIndex % bytes.length;
  bytes[index] = (bytes[index] ?? 0) ^ (1 << change.bit);
  return { ...fields, [field]: bytes.toString('base64url') };
}

async function expectStillServing(call: ReturnType<typeof setupBackend>['call']) {
  const created = await call('POST', '/auth/credentials', await registration(call));
  expect(created.status).toBe(200);
}

describe(`fuzzing the mock backend (${FUZZ_RUNS} requests per property)`, () => {
  it('should never answer 5xx to arbitrary requests, and keep serving', async () => {
    const { backend, call } = setupBackend();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
        fc.oneof(fc.constantFrom(...ROUTES), fc.webPath()),
        authorization,
        contentType,
        fc.option(fc.constantFrom(ORIGIN, 'https://evil.example', 'null')),
        body,
        async (method, path, auth, type, origin, payload) => {
          const headers = new Headers();
          if (auth !== undefined) headers.set('Authorization', auth);
          if (type !== undefined) headers.set('Content-Type', type);
          if (origin !== null) headers.set('Origin', origin);
          const hasBody = payload !== undefined && method !== 'GET' && method !== 'OPTIONS';
          const response = await backend.fetch(
            new Request(`http://mock.test${path.startsWith('/') ? path : `/${path}`}`, {
              method,
              headers,
              body: hasBody ? payload : undefined,
            }),
          );
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400) {
            const answer = (await response.json()) as { error?: { message?: unknown } };
            expect(typeof answer.error?.message).toBe('string');
          }
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
    await expectStillServing(call);
  });

  it('should end the token of a logout it accepts, and keep it after one it refuses, whatever the request', {
    timeout: 120_000,
  }, async () => {
    const { backend, call } = setupBackend();
    // Not the seeded user: an accepted { allSessions: true } ends every token of its user.
    const { userId } = await signUpWithPasskey(call, 'logout-fuzz@example.com');
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('PUT', 'POST', 'GET', 'DELETE'),
        contentType,
        fc.oneof(
          body,
          fc.record({ allSessions: fc.oneof(fc.boolean(), fc.jsonValue()) }).map((value) => JSON.stringify(value)),
        ),
        async (method, type, payload) => {
          const token = await backend.mintToken('EndUser', { userId });
          const headers = new Headers({ Authorization: `Bearer ${token}` });
          if (type !== undefined) headers.set('Content-Type', type);
          const response = await backend.fetch(
            new Request('http://mock.test/auth/logout', {
              method,
              headers,
              body: method === 'GET' ? undefined : payload,
            }),
          );
          expect(response.status).toBeLessThan(500);
          statuses.add(response.status);
          const after = await backend.fetch(
            new Request('http://mock.test/auth/credentials', { headers: { Authorization: `Bearer ${token}` } }),
          );
          expect(after.status).toBe(response.status === 200 ? 401 : 200);
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
    // Not vacuous: both outcomes were met (at the default number of runs).
    if (FUZZ_RUNS >= 200) expect([200, 400, 415].filter((status) => statuses.has(status))).toEqual([200, 400, 415]);
    await expectStillServing(call);
  });

  it('should never answer 5xx to mutations of a real registration', async () => {
    const { call } = setupBackend();
    const fields = ['credId', 'clientData', 'attestationData'] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), mutation, async (field, change) => {
        const valid = await registration(call, { attestation: 'packed' });
        const info = mutated(valid.credentialInfo, field, change);
        const response = await call('POST', '/auth/credentials', { ...valid, credentialInfo: info });
        expect(response.status).toBeLessThan(500);
        // A changed registration is never accepted (the packed signature covers every byte that matters).
        if (JSON.stringify(info) !== JSON.stringify(valid.credentialInfo)) {
          expect(response.status).toBeGreaterThanOrEqual(400);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
    await expectStillServing(call);
  });

  it('should never answer 5xx to mutations of a real passkey login, nor accept one', async () => {
    const { call } = setupBackend();
    const user = await signUpWithPasskey(call);
    const fields = ['credId', 'clientData', 'authenticatorData', 'signature', 'userHandle'] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), mutation, async (field, change) => {
        const init = await call('POST', '/auth/login/init', { orgId: DEFAULT_ORG_ID, username: user.username });
        const valid = (await passkeyFactor(user.authenticator, init.body.challenge)).credentialAssertion;
        const credentialAssertion = mutated(valid, field, change);
        const response = await call('POST', '/auth/login', {
          challengeIdentifier: init.body.challengeIdentifier,
          firstFactor: { kind: 'Fido2', credentialAssertion },
        });
        expect(response.status).toBeLessThan(500);
        // A login with a username needs no userHandle: null or empty is the same as none.
        const handleDropped =
          field === 'userHandle' && !change.flip && (change.replacement === null || change.replacement === '');
        if (JSON.stringify(credentialAssertion) !== JSON.stringify(valid) && !handleDropped) {
          expect(response.status).toBeGreaterThanOrEqual(400);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
    await expectStillServing(call);
  });
});

/** A user with a passkey and a RecoveryKey, and how to start a recovery of theirs: its token, challenge and new passkey. */
async function recoverySetup() {
  const codes: string[] = [];
  const setup = setupBackend({ onVerificationCode: (mail) => codes.push(mail.verificationCode) });
  const { call } = setup;
  const user = await signUpWithPasskey(call, 'fuzz-recovery@example.com');
  const recoveryKey = await addRecoveryKey(call, user);
  const start = async () => {
    await call('POST', '/auth/recover/user/code', { username: user.username, orgId: DEFAULT_ORG_ID });
    const init = await call('POST', '/auth/recover/user/init', {
      username: user.username,
      orgId: DEFAULT_ORG_ID,
      verificationCode: codes.at(-1),
      credentialId: recoveryKey.credentialId,
    });
    expect(init.status).toBe(200);
    const credentialInfo = await createSoftwareAuthenticator().register({
      challenge: init.body.challenge,
      rpId: 'localhost',
      origin: ORIGIN,
      userId: init.body.user.id,
    });
    const newCredentials = { firstFactorCredential: { credentialKind: 'Fido2', credentialInfo } };
    return {
      auth: { Authorization: `Bearer ${init.body.temporaryAuthenticationToken}` },
      newCredentials,
      recovery: recoveryAssertion(recoveryKey.privateKey, recoveryKey.credentialId, newCredentials),
    };
  };
  // Nothing the fuzzing sends may recover the user: the old passkey still logs in.
  const expectNotRecovered = async () => {
    const init = await call('POST', '/auth/login/init', { orgId: DEFAULT_ORG_ID, username: user.username });
    const firstFactor = await passkeyFactor(user.authenticator, init.body.challenge);
    const login = await call('POST', '/auth/login', {
      challengeIdentifier: init.body.challengeIdentifier,
      firstFactor,
    });
    expect(login.status).toBe(200);
  };
  return { ...setup, start, expectNotRecovered };
}

describe(`fuzzing account recovery (${FUZZ_RUNS} requests per property)`, () => {
  it('should never answer 5xx to arbitrary recover bodies with a live recovery token', async () => {
    const { call, start, expectNotRecovered } = await recoverySetup();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), nearlyValidBody), async (payload) => {
        const { auth } = await start();
        const response = await call('POST', '/auth/recover/user', JSON.stringify(payload), auth);
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(typeof response.body?.error?.message).toBe('string');
      }),
      { numRuns: Math.ceil(FUZZ_RUNS / 4) },
    );
    await expectNotRecovered();
    await expectStillServing(call);
  });

  it('should never answer 5xx to mutations of a real recovery assertion, nor accept one', async () => {
    const { call, start, expectNotRecovered } = await recoverySetup();
    const fields = ['credId', 'clientData', 'signature', 'algorithm'] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), mutation, async (field, change) => {
        const { auth, newCredentials, recovery } = await start();
        const credentialAssertion = mutated(recovery.credentialAssertion, field, change);
        const response = await call(
          'POST',
          '/auth/recover/user',
          { recovery: { ...recovery, credentialAssertion }, newCredentials },
          auth,
        );
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: Math.ceil(FUZZ_RUNS / 4) },
    );
    await expectNotRecovered();
    await expectStillServing(call);
  });
});
