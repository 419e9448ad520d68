import { describe, expect, it, vi } from 'vitest';
import type { RegisterEndUserBody } from '../dfns/dfnsTypes.ts';
import type { Fetcher, FetcherRequest } from '../http/fetcher.ts';
import { unwrapPrivateKeyBytes } from '../keys/privateKeyWrapping.ts';
import { generateRecoveryCode } from '../keys/recoveryCode.ts';
import { credkitRejection, fido2ChallengeFixture } from '../testFixtures.ts';
import type { CredentialCreator } from '../webauthn/webAuthnSupport.ts';
import { registerUser } from './registerUser.ts';

const ORIGIN = 'http://localhost:5173';
const rp = { id: 'localhost', name: 'credkit' };
const challenge = { ...fido2ChallengeFixture(), kind: undefined, challengeIdentifier: undefined };
const registered = {
  credential: { uuid: 'cr-1', kind: 'Fido2', name: 'Passkey' },
  user: { id: 'us-1', username: 'ada@example.com', orgId: 'or-1' },
};

function signUpFetcher(answers: Partial<Record<string, (request: FetcherRequest) => unknown>> = {}) {
  const requests: FetcherRequest[] = [];
  const fetcher: Fetcher = async (request) => {
    requests.push(request);
    const answer = answers[request.path];
    if (answer) return answer(request);
    if (request.path === '/auth/registration/init') return challenge;
    if (request.path === '/auth/registration/enduser') return { ...registered, authentication: { token: 'tok' } };
    throw new Error(`unexpected ${request.path}`);
  };
  return { fetcher, requests };
}

/** A passkey creator whose passkey is always the same (its calls recorded). */
function passkeys(): CredentialCreator {
  const buffer = (text: string) => new TextEncoder().encode(text).buffer;
  return {
    create: vi.fn(
      async () =>
        ({
          id: 'AQID',
          rawId: new Uint8Array([1, 2, 3]).buffer,
          type: 'public-key',
          response: { clientDataJSON: buffer('{}'), attestationObject: buffer('cbor') },
        }) as unknown as Credential,
    ),
  };
}

const withCode = { orgId: 'or-1', username: 'ada@example.com', registrationCode: '000000' };

describe('registerUser with a recovery key', () => {
  it('should register it in the same request as the passkey and say its ID and name', async () => {
    const { fetcher, requests } = signUpFetcher();
    const recoveryCode = generateRecoveryCode();
    const registration = await registerUser({
      fetcher,
      ...withCode,
      rp,
      credentials: passkeys(),
      origin: ORIGIN,
      recoveryKey: { recoveryCode, credentialName: 'Paper in the drawer' },
    });

    expect(requests.map((request) => request.path)).toEqual(['/auth/registration/init', '/auth/registration/enduser']);
    const body = requests[1]?.body as RegisterEndUserBody;
    expect(Object.keys(body)).toEqual(['firstFactorCredential', 'recoveryCredential', 'wallets']);
    expect(body.recoveryCredential).toMatchObject({
      credentialKind: 'RecoveryKey',
      credentialName: 'Paper in the drawer',
    });
    await expect(
      unwrapPrivateKeyBytes(body.recoveryCredential?.encryptedPrivateKey ?? '', recoveryCode),
    ).resolves.toBeInstanceOf(ArrayBuffer);
    expect(registration.recoveryKey).toEqual({
      credentialId: body.recoveryCredential?.credentialInfo.credId,
      name: 'Paper in the drawer',
    });
    expect(registration.token).toBe('tok');
  });

  it('should refuse a code that cannot be one before any request, and make no passkey when the key fails', async () => {
    const typo = signUpFetcher();
    const creator = passkeys();
    const bad = await credkitRejection(
      registerUser({
        fetcher: typo.fetcher,
        ...withCode,
        rp,
        credentials: creator,
        recoveryKey: { recoveryCode: 'D1-x' },
      }),
    );
    expect([bad.code, bad.field]).toEqual(['invalid-input', 'recoveryCode']);
    expect(typo.requests).toEqual([]);

    const tooFew = signUpFetcher();
    const failed = await credkitRejection(
      registerUser({
        fetcher: tooFew.fetcher,
        ...withCode,
        rp,
        credentials: creator,
        origin: ORIGIN,
        recoveryKey: { recoveryCode: generateRecoveryCode(), iterations: 1 },
      }),
    );
    expect(failed.code).toBe('invalid-input');
    expect(creator.create).not.toHaveBeenCalled();
    expect(tooFew.requests.map((request) => request.path)).toEqual(['/auth/registration/init']);
  });
});

describe("registerUser from the host's backend", () => {
  it('should take the challenge from challengeSource and post it under its temporary token', async () => {
    const { fetcher, requests } = signUpFetcher();
    const challengeSource = vi.fn(async () => challenge);
    const registration = await registerUser({ challengeSource, fetcher, rp, credentials: passkeys() });

    expect(challengeSource).toHaveBeenCalledWith({});
    expect(requests.map((request) => request.path)).toEqual(['/auth/registration/enduser']);
    expect(requests[0]?.headers).toEqual({ Authorization: `Bearer ${challenge.temporaryAuthenticationToken}` });
    expect(registration.token).toBe('tok');
  });

  it('should take a challenge without its temporary token when the backend completes and kept it', async () => {
    const { temporaryAuthenticationToken: _kept, ...relayed } = challenge;
    const completion = vi.fn(async (_body: RegisterEndUserBody) => registered);
    const registration = await registerUser({
      challengeSource: async () => relayed,
      completion,
      rp,
      credentials: passkeys(),
    });
    expect(completion).toHaveBeenCalledOnce();
    expect(registration.user.id).toBe('us-1');
  });

  it('should refuse a challenge without its temporary token when the kit completes, before any passkey', async () => {
    const { temporaryAuthenticationToken: _kept, ...relayed } = challenge;
    const { fetcher, requests } = signUpFetcher();
    const credentials = passkeys();
    const error = await credkitRejection(
      registerUser({ challengeSource: async () => relayed, fetcher, rp, credentials }),
    );
    expect([error.code, error.phase]).toEqual(['invalid-challenge', 'challenge']);
    expect(error.message).toContain('temporaryAuthenticationToken');
    expect(credentials.create).not.toHaveBeenCalled();
    expect(requests).toEqual([]);
  });

  it('should hand completion exactly the enduser body, and take an answer without a token', async () => {
    const completion = vi.fn(async (_body: RegisterEndUserBody) => registered);
    const controller = new AbortController();
    const registration = await registerUser({
      challengeSource: async () => challenge,
      completion,
      rp,
      credentials: passkeys(),
      signal: controller.signal,
    });

    expect(completion).toHaveBeenCalledWith(
      {
        firstFactorCredential: {
          credentialKind: 'Fido2',
          credentialInfo: { credId: 'AQID', clientData: 'e30', attestationData: 'Y2Jvcg' },
          credentialName: 'Passkey',
        },
        wallets: [],
      },
      { signal: controller.signal },
    );
    expect(registration).toEqual(registered);
    expect('token' in registration).toBe(false);
  });

  it("should report the host's failures in their phase, classified like the fetcher's", async () => {
    const offline = await credkitRejection(
      registerUser({
        challengeSource: () => Promise.reject(new TypeError('Failed to fetch')),
        completion: async () => registered,
        rp,
        credentials: passkeys(),
      }),
    );
    expect([offline.code, offline.phase]).toEqual(['network', 'challenge']);

    const refused = await credkitRejection(
      registerUser({
        challengeSource: async () => challenge,
        completion: () => Promise.reject({ httpStatus: 409, context: { body: { error: { message: 'taken' } } } }),
        rp,
        credentials: passkeys(),
      }),
    );
    expect([refused.code, refused.phase, refused.status, refused.serverMessage]).toEqual([
      'server',
      'submitting',
      409,
      'taken',
    ]);
  });

  it('should still want a token when the kit completes', async () => {
    const { fetcher } = signUpFetcher({ '/auth/registration/enduser': () => registered });
    const error = await credkitRejection(registerUser({ fetcher, ...withCode, rp, credentials: passkeys() }));
    expect([error.code, error.phase]).toEqual(['server', 'submitting']);
    expect(error.message).toContain('authentication');
  });

  // Issue 27: a token that cannot go into an HTTP header would fail later as `network`, after a passkey.
  it('should refuse a temporary token unfit for a header before any passkey, and a sign-in token unfit as server', async () => {
    for (const token of ['abc\r\nX-Evil: 1', 'a b', 'tök\u0000en']) {
      const early = signUpFetcher({
        '/auth/registration/init': () => ({ ...challenge, temporaryAuthenticationToken: token }),
      });
      const credentials = passkeys();
      const refused = await credkitRejection(registerUser({ fetcher: early.fetcher, ...withCode, rp, credentials }));
      expect([refused.code, refused.phase]).toEqual(['invalid-challenge', 'challenge']);
      expect(refused.message).toContain('temporaryAuthenticationToken must be visible ASCII characters only');
      expect(credentials.create).not.toHaveBeenCalled();

      const late = signUpFetcher({
        '/auth/registration/enduser': () => ({ ...registered, authentication: { token } }),
      });
      const answer = await credkitRejection(
        registerUser({ fetcher: late.fetcher, ...withCode, rp, credentials: passkeys() }),
      );
      expect([answer.code, answer.phase]).toEqual(['server', 'submitting']);
      expect(answer.message).toContain('token must be visible ASCII characters only');
    }
  });

  it('should refuse a challengeSource with neither completion nor fetcher before any call or passkey', async () => {
    const challengeSource = vi.fn(async () => challenge);
    const credentials = passkeys();
    // The types forbid it; a host in plain JavaScript (or a cast) can still get here.
    const options = { challengeSource, rp, credentials } as unknown as Parameters<typeof registerUser>[0];
    const error = await credkitRejection(registerUser(options));
    expect([error.code, error.message]).toEqual([
      'invalid-input',
      'No fetcher: pass a fetcher, or a completion for the step it would make.',
    ]);
    expect(challengeSource).not.toHaveBeenCalled();
    expect(credentials.create).not.toHaveBeenCalled();
  });

  it('should type the options by where the challenge comes from and who completes', () => {
    const fetcher = signUpFetcher().fetcher;
    const challengeSource = async () => challenge;
    const completion = async () => registered;
    // Compiles: each combination with exactly what it needs (these calls are only type-checked).
    const calls = [
      () => registerUser({ fetcher, ...withCode, rp }),
      () => registerUser({ challengeSource, fetcher, rp }),
      () => registerUser({ challengeSource, completion, rp }),
      () => registerUser({ completion, ...withCode, fetcher, rp }),
      // @ts-expect-error the kit asks for the challenge: it needs the username and code
      () => registerUser({ fetcher, orgId: 'or-1', rp }),
      // @ts-expect-error the backend's challenge names the user: no username here
      () => registerUser({ challengeSource, completion, username: 'ada@example.com', rp }),
      // @ts-expect-error the kit completes: it needs a fetcher
      () => registerUser({ challengeSource, rp }),
    ];
    expect(calls).toHaveLength(7);
  });
});
