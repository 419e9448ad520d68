// Adding a credential when the host's backend talks to Dfns: the challenge from its challengeSource,
// the body to its completion, every other step the kit's own.
import { describe, expect, it, vi } from 'vitest';
import type { CreateCredentialBody } from '../dfns/dfnsTypes.ts';
import { CredkitError } from '../errors/credkitError.ts';
import {
  createdCredentialFixture as created,
  credkitRejection,
  fakeCredentials,
  fido2ChallengeFixture,
  recordingFetcher,
} from '../testFixtures.ts';
import { createWebAuthnUserActionSigner } from '../userAction/webAuthnUserActionSigner.ts';
import type { ChallengeSource, Completion } from './hostBackend.ts';
import { registerKeyCredential } from './registerKeyCredential.ts';
import { registerPasskey } from './registerPasskey.ts';

const rp = { id: 'localhost', name: 'credkit' };

/** The host's two functions, answering as its backend would relay Dfns, and what they were handed. */
function hostBackend({
  challenge = fido2ChallengeFixture() as unknown,
  answer = created as unknown,
}: {
  challenge?: unknown;
  answer?: unknown;
} = {}) {
  const challengeSource = vi.fn<ChallengeSource>(async () => challenge);
  const completion = vi.fn<Completion<CreateCredentialBody>>(async () => answer);
  return { challengeSource, completion };
}

describe('registerPasskey with a host backend', () => {
  it("should hand the completion, byte for byte, the body the kit would post, and return Dfns's answer", async () => {
    // The kit's own route…
    const { fetcher, requests } = recordingFetcher();
    await registerPasskey({ fetcher, rp, credentialName: 'Laptop', credentials: fakeCredentials() });
    const posted = requests.find(({ path }) => path === '/auth/credentials');
    // …and the host's, with the same challenge and the same ceremony.
    const host = hostBackend();
    const phases: string[] = [];
    const result = await registerPasskey({
      ...host,
      rp,
      credentialName: 'Laptop',
      credentials: fakeCredentials(),
      onPhase: (phase) => phases.push(phase),
    });

    expect(result).toEqual(created);
    expect(phases).toEqual(['challenge', 'ceremony', 'submitting']);
    const [handed, context] = host.completion.mock.calls[0] ?? [];
    // createFetcher sends `bodyText ?? JSON.stringify(body)`: the same text from the same value.
    expect(posted?.bodyText).toBeUndefined();
    expect(JSON.stringify(handed)).toBe(JSON.stringify(posted?.body));
    expect(Object.keys(handed ?? {})).toEqual([
      'credentialKind',
      'credentialInfo',
      'credentialName',
      'challengeIdentifier',
    ]);
    expect(context).toEqual({});
  });

  it('should validate the host challenge as its own: unusable is invalid-challenge, before any ceremony', async () => {
    const host = hostBackend({
      challenge: { ...fido2ChallengeFixture(), excludeCredentials: [{ id: 'not base64url!' }] },
    });
    const credentials = fakeCredentials();
    const error = await credkitRejection(registerPasskey({ ...host, rp, credentialName: 'L', credentials }));
    expect([error.code, error.phase]).toEqual(['invalid-challenge', 'challenge']);
    expect(error.message).toContain('excludeCredentials[0]');
    expect(credentials.create).not.toHaveBeenCalled();
    expect(host.completion).not.toHaveBeenCalled();
  });

  it("should classify the host's failures as the fetcher's, in the phase of the step", async () => {
    const dfnsError = (httpStatus: number, message: string) =>
      Object.assign(new Error(message), { httpStatus, context: { body: { error: { message } } } });
    const source = await credkitRejection(
      registerPasskey({
        ...hostBackend(),
        challengeSource: async () => {
          throw dfnsError(401, 'Not Authorized.');
        },
        rp,
        credentialName: 'L',
        credentials: fakeCredentials(),
      }),
    );
    expect([source.code, source.phase, source.status, source.serverMessage]).toEqual([
      'server',
      'challenge',
      401,
      'Not Authorized.',
    ]);
    const completion = await credkitRejection(
      registerPasskey({
        ...hostBackend(),
        completion: async () => {
          throw dfnsError(403, 'user action signature is missing or invalid');
        },
        rp,
        credentialName: 'L',
        credentials: fakeCredentials(),
      }),
    );
    expect([completion.code, completion.phase, completion.status]).toEqual(['forbidden', 'submitting', 403]);
    const offline = await credkitRejection(
      registerPasskey({
        ...hostBackend(),
        completion: async () => {
          throw new TypeError('Failed to fetch');
        },
        rp,
        credentialName: 'L',
        credentials: fakeCredentials(),
      }),
    );
    expect([offline.code, offline.phase]).toEqual(['network', 'submitting']);
  });

  it("should validate the completion's answer as the kit's own, naming the field", async () => {
    const host = hostBackend({ answer: { ...created, credentialUuid: undefined } });
    const error = await credkitRejection(
      registerPasskey({ ...host, rp, credentialName: 'L', credentials: fakeCredentials() }),
    );
    expect([error.code, error.phase]).toEqual(['server', 'submitting']);
    expect(error.message).toContain('credentialUuid must be a string, got missing');
  });

  it('should refuse, before anything is fetched or made, a completion beside a signer, and a step with no way to Dfns', async () => {
    const cases = [
      { ...hostBackend(), userActionSigner: createWebAuthnUserActionSigner() },
      { completion: hostBackend().completion },
      { challengeSource: hostBackend().challengeSource },
    ];
    for (const backend of cases) {
      const credentials = fakeCredentials();
      const error = await credkitRejection(registerPasskey({ ...backend, rp, credentialName: 'L', credentials }));
      expect(error.code).toBe('invalid-input');
      expect(credentials.create).not.toHaveBeenCalled();
      expect(vi.mocked(backend.challengeSource ?? vi.fn())).not.toHaveBeenCalled();
    }
    const signer = await credkitRejection(
      registerPasskey({ ...cases[0], rp, credentialName: 'L', credentials: fakeCredentials() }),
    );
    expect(signer.message).toContain('signUserActionChallenge');
  });

  it("should hand the host's functions the registration's signal, and end with its abort", async () => {
    const controller = new AbortController();
    const host = hostBackend();
    host.completion.mockImplementation(
      (_body, { signal }) =>
        new Promise((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          controller.abort(new CredkitError('cancelled'));
        }),
    );
    const error = await credkitRejection(
      registerPasskey({ ...host, rp, credentialName: 'L', credentials: fakeCredentials(), signal: controller.signal }),
    );
    expect([error.code, error.phase]).toEqual(['cancelled', 'submitting']);
    expect(host.challengeSource.mock.calls[0]?.[0].signal).toBe(controller.signal);
    expect(host.completion.mock.calls[0]?.[1].signal).toBe(controller.signal);
  });
});

describe('registerKeyCredential with a host backend', () => {
  it('should register a key kind: its challenge from the host, its body (wrapped key included) to the completion', {
    timeout: 20_000,
  }, async () => {
    const { authenticatorSelection: _a, excludeCredentials: _e, ...keyChallenge } = fido2ChallengeFixture();
    const host = hostBackend({
      challenge: { ...keyChallenge, kind: 'PasswordProtectedKey' },
      answer: { ...created, kind: 'PasswordProtectedKey' },
    });
    const registration = await registerKeyCredential({
      ...host,
      kind: 'PasswordProtectedKey',
      credentialName: 'Vault',
      password: 'correct horse battery',
      origin: 'http://localhost:5173',
    });
    const [body] = host.completion.mock.calls[0] ?? [];
    expect(body).toMatchObject({
      credentialKind: 'PasswordProtectedKey',
      credentialName: 'Vault',
      challengeIdentifier: keyChallenge.challengeIdentifier,
      encryptedPrivateKey: registration.encryptedPrivateKey,
    });
    expect(JSON.stringify(body)).not.toContain('correct horse');
    expect(registration.credential.kind).toBe('PasswordProtectedKey');
  });

  it('should refuse a host challenge of another kind as invalid-challenge', async () => {
    const host = hostBackend();
    const error = await credkitRejection(
      registerKeyCredential({ ...host, kind: 'Key', credentialName: 'K', origin: 'http://localhost:5173' }),
    );
    expect([error.code, error.phase]).toEqual(['invalid-challenge', 'challenge']);
    expect(host.completion).not.toHaveBeenCalled();
  });
});
