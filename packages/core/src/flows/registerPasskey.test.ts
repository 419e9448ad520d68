import { describe, expect, it, vi } from 'vitest';
import { toBase64url } from '../encoding/base64url.ts';
import { CredkitError, type OperationRunPhase } from '../errors/credkitError.ts';
import {
  createdCredentialFixture as created,
  credkitRejection,
  fakeCredentials,
  fido2ChallengeFixture,
  recordingFetcher,
} from '../testFixtures.ts';
import { withUserActionProtocol } from '../userAction/userAction.ts';
import { type RegisterPasskeyOptions, registerPasskey } from './registerPasskey.ts';

const rp = { id: 'localhost', name: 'credkit' };

describe('registerPasskey', () => {
  it('should run init → create → POST and resolve with the created credential', async () => {
    const { fetcher, requests } = recordingFetcher();
    const credentials = fakeCredentials();
    const phases: OperationRunPhase[] = [];
    const result = await registerPasskey({
      fetcher,
      rp,
      credentialName: '  Laptop ',
      credentials,
      onPhase: (phase) => phases.push(phase),
    });

    expect(result).toEqual(created);
    expect(phases).toEqual(['challenge', 'ceremony', 'submitting']);
    expect(requests.map(({ method, path }) => `${method} ${path}`)).toEqual([
      'POST /auth/credentials/init',
      'POST /auth/credentials',
    ]);
    expect(requests[0]?.body).toEqual({ kind: 'Fido2' });
    expect(requests[1]?.body).toEqual({
      credentialKind: 'Fido2',
      credentialInfo: { credId: 'AQID', clientData: 'eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIn0', attestationData: 'Y2Jvcg' },
      credentialName: 'Laptop',
      challengeIdentifier: fido2ChallengeFixture().challengeIdentifier,
    });
    const [options] = vi.mocked(credentials.create).mock.calls[0] ?? [];
    expect(toBase64url(options?.publicKey?.challenge as Uint8Array)).toBe(
      toBase64url(new TextEncoder().encode(fido2ChallengeFixture().challenge)),
    );
    expect(options?.publicKey?.rp).toEqual(rp);
  });

  it('should use a prefetched challenge without calling init', async () => {
    const { fetcher, requests } = recordingFetcher();
    await registerPasskey({
      fetcher,
      rp,
      credentialName: 'Laptop',
      credentials: fakeCredentials(),
      challenge: fido2ChallengeFixture(),
    });
    expect(requests.map(({ path }) => path)).toEqual(['/auth/credentials']);
  });

  it('should refuse a name the rule refuses before any request', async () => {
    const { fetcher, requests } = recordingFetcher();
    const error = await credkitRejection(
      registerPasskey({ fetcher, rp, credentialName: 'a\u202Eb', credentials: fakeCredentials() }),
    );
    expect(error.code).toBe('invalid-input');
    expect(requests).toHaveLength(0);
  });

  it('should send "Passkey" for a blank name when the attestation names no provider', async () => {
    const { fetcher, requests } = recordingFetcher();
    await registerPasskey({ fetcher, rp, credentialName: '   ', credentials: fakeCredentials() });
    expect(requests[1]?.body).toMatchObject({ credentialName: 'Passkey' });
  });

  it('should be unsupported, with no request sent, when WebAuthn is absent', async () => {
    const { fetcher, requests } = recordingFetcher();
    const error = await credkitRejection(registerPasskey({ fetcher, rp, credentialName: 'Laptop' }));
    expect(error.code).toBe('unsupported');
    expect(requests).toHaveLength(0);
  });

  it('should fail in the challenge phase, before any ceremony, when the challenge is malformed', async () => {
    const { fetcher } = recordingFetcher({ '/auth/credentials/init': () => ({ kind: 'Fido2' }) });
    const credentials = fakeCredentials();
    const error = await credkitRejection(registerPasskey({ fetcher, rp, credentialName: 'Laptop', credentials }));
    expect([error.code, error.phase]).toEqual(['invalid-challenge', 'challenge']);
    expect(error.message).toContain('user must be an object');
    expect(credentials.create).not.toHaveBeenCalled();
  });

  it('should tag a server error of init with the challenge phase', async () => {
    const { fetcher } = recordingFetcher({
      '/auth/credentials/init': () => {
        throw new CredkitError('server', { status: 500, serverMessage: 'boom', message: 'boom' });
      },
    });
    const error = await credkitRejection(
      registerPasskey({ fetcher, rp, credentialName: 'L', credentials: fakeCredentials() }),
    );
    expect([error.code, error.phase, error.status]).toEqual(['server', 'challenge', 500]);
  });

  it('should classify a ceremony failure and send no POST', async () => {
    const { fetcher, requests } = recordingFetcher();
    const credentials = fakeCredentials(async () => {
      throw new DOMException('The authenticator was previously registered', 'InvalidStateError');
    });
    const error = await credkitRejection(registerPasskey({ fetcher, rp, credentialName: 'L', credentials }));
    expect([error.code, error.phase]).toEqual(['already-registered', 'ceremony']);
    expect(requests.map(({ path }) => path)).toEqual(['/auth/credentials/init']);
  });

  it("should keep the server's status and message when the POST is refused", async () => {
    const { fetcher } = recordingFetcher({
      '/auth/credentials': () => {
        throw new CredkitError('server', { status: 400, serverMessage: 'origin is not allowed', message: 'x' });
      },
    });
    const error = await credkitRejection(
      registerPasskey({ fetcher, rp, credentialName: 'L', credentials: fakeCredentials() }),
    );
    expect([error.code, error.phase, error.status, error.serverMessage]).toEqual([
      'server',
      'submitting',
      400,
      'origin is not allowed',
    ]);
  });

  it('should refuse a malformed answer to the POST, naming the field', async () => {
    const { fetcher } = recordingFetcher({ '/auth/credentials': () => ({ ...created, credentialId: 7 }) });
    const error = await credkitRejection(
      registerPasskey({ fetcher, rp, credentialName: 'L', credentials: fakeCredentials() }),
    );
    expect([error.code, error.phase]).toEqual(['server', 'submitting']);
    expect(error.message).toContain('credentialId must be a string, got a number');
  });

  it('should pass the signal to every step and stop as aborted', async () => {
    const controller = new AbortController();
    const { fetcher, requests } = recordingFetcher();
    let ceremonySignal: AbortSignal | undefined;
    const credentials = fakeCredentials(async (options) => {
      ceremonySignal = options.signal;
      controller.abort();
      throw new DOMException('aborted', 'AbortError');
    });
    const error = await credkitRejection(
      registerPasskey({ fetcher, rp, credentialName: 'L', credentials, signal: controller.signal }),
    );
    expect([error.code, error.phase]).toEqual(['aborted', 'ceremony']);
    expect(ceremonySignal?.aborted).toBe(true);
    expect(requests[0]?.signal).toBe(controller.signal);
    expect(requests).toHaveLength(1);
  });

  it('should call a challenge answer that is not JSON an invalid challenge', async () => {
    const { fetcher } = recordingFetcher({
      '/auth/credentials/init': () => {
        throw new CredkitError('server', { status: 200, message: 'The answer is not JSON.' });
      },
    });
    const error = await credkitRejection(
      registerPasskey({ fetcher, rp, credentialName: 'L', credentials: fakeCredentials() }),
    );
    expect([error.code, error.phase]).toEqual(['invalid-challenge', 'challenge']);
  });

  it('should end as the abort reason says when it is a CredkitError, in whatever phase', async () => {
    const controller = new AbortController();
    const { fetcher } = recordingFetcher({
      '/auth/credentials/init': (request) =>
        new Promise((_resolve, reject) => {
          controller.abort(new CredkitError('cancelled'));
          reject(request.signal?.reason);
        }),
    });
    const error = await credkitRejection(
      registerPasskey({
        fetcher,
        rp,
        credentialName: 'L',
        credentials: fakeCredentials(),
        signal: controller.signal,
      }),
    );
    expect([error.code, error.phase]).toEqual(['cancelled', 'challenge']);
  });

  it('should not start when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const { fetcher, requests } = recordingFetcher();
    const error = await credkitRejection(
      registerPasskey({
        fetcher,
        rp,
        credentialName: 'L',
        credentials: fakeCredentials(),
        signal: controller.signal,
      }),
    );
    expect(error.code).toBe('aborted');
    expect(requests).toHaveLength(0);
  });

  it('should pass the authenticator choice as hints + attachment, and conditional mediation to create()', async () => {
    const { fetcher } = recordingFetcher();
    const credentials = fakeCredentials();
    await registerPasskey({
      fetcher,
      rp,
      credentialName: 'Phone',
      credentials,
      authenticator: 'phone',
      mediation: 'conditional',
    });
    const [request] = vi.mocked(credentials.create).mock.calls[0] ?? [];
    expect(request).toMatchObject({ mediation: 'conditional' });
    expect((request?.publicKey as { hints?: string[] } | undefined)?.hints).toEqual(['hybrid']);
    expect(request?.publicKey?.authenticatorSelection?.authenticatorAttachment).toBe('cross-platform');
  });

  it('should not send mediation for a modal registration', async () => {
    const { fetcher } = recordingFetcher();
    const credentials = fakeCredentials();
    await registerPasskey({ fetcher, rp, credentialName: 'Laptop', credentials });
    const [request] = vi.mocked(credentials.create).mock.calls[0] ?? [];
    expect(request).not.toHaveProperty('mediation');
    expect(request?.publicKey).not.toHaveProperty('hints');
  });

  it('should refuse a signer without the user-action protocol before any ceremony (no orphan passkey)', async () => {
    const { fetcher, requests } = recordingFetcher();
    const credentials = fakeCredentials();
    const bareSigner = { sign: async () => ({}) } as unknown as RegisterPasskeyOptions['userActionSigner'];
    const error = await credkitRejection(
      registerPasskey({ fetcher, rp, credentialName: 'Laptop', credentials, userActionSigner: bareSigner }),
    );
    expect(error.code).toBe('invalid-input');
    expect(error.message).toContain('withUserActionProtocol');
    expect(credentials.create).not.toHaveBeenCalled();
    expect(requests).toHaveLength(0);
  });

  it('should tell the passkey manager to drop the passkey the server refused with a 4xx, not one after a 5xx', async () => {
    const signalUnknownCredential = vi.fn(async () => undefined);
    vi.stubGlobal('PublicKeyCredential', { signalUnknownCredential });
    try {
      for (const status of [400, 503]) {
        const { fetcher } = recordingFetcher({
          '/auth/credentials': () => {
            throw Object.assign(new Error('refused'), { httpStatus: status });
          },
        });
        const error = await credkitRejection(
          registerPasskey({ fetcher, rp, credentialName: 'Laptop', credentials: fakeCredentials() }),
        );
        expect(error.status).toBe(status);
      }
      expect(signalUnknownCredential.mock.calls).toEqual([[{ rpId: 'localhost', credentialId: 'AQID' }]]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('should tell the passkey manager to drop a passkey never sent because its signing was dismissed', async () => {
    const signalUnknownCredential = vi.fn(async () => undefined);
    vi.stubGlobal('PublicKeyCredential', { signalUnknownCredential });
    try {
      const dismissing = withUserActionProtocol({
        sign: async () => {
          throw new CredkitError('cancelled', { phase: 'signing' });
        },
      });
      const { fetcher, requests } = recordingFetcher({
        '/auth/action/init': () => ({
          challenge: 'c',
          challengeIdentifier: 'ci',
          userVerification: 'required',
          allowCredentials: { webauthn: [{ type: 'public-key', id: 'AQID' }], key: [] },
        }),
      });
      const dismissed = await credkitRejection(
        registerPasskey({
          fetcher,
          rp,
          credentialName: 'Laptop',
          credentials: fakeCredentials(),
          userActionSigner: dismissing,
        }),
      );
      expect([dismissed.code, dismissed.phase]).toEqual(['cancelled', 'signing']);
      expect(requests.map((request) => request.path)).not.toContain('/auth/credentials');

      expect(signalUnknownCredential.mock.calls).toEqual([[{ rpId: 'localhost', credentialId: 'AQID' }]]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
