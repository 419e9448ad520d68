// The engine end to end, without React: the in-process mock backend verifies what it receives, and
// the mock's software authenticator stands in for navigator.credentials.
import { createMockBackend } from '@credkit/mock-backend';
import { describe, expect, it, vi } from 'vitest';
import type { CreateCredentialResponse } from '../dfns/dfnsTypes.ts';
import { CredkitError } from '../errors/credkitError.ts';
import { createFetcher, type Fetcher, type FetcherRequest } from '../http/fetcher.ts';
import { softwareCredentials } from '../testFixtures.ts';
import { browserCeremony } from '../webauthn/browserCeremony.ts';
import { createCredentialRegistrationController, passkeyFlow } from './credentialRegistrationController.ts';
import type { OperationSnapshot } from './operationController.ts';

const rp = { id: 'localhost', name: 'credkit' };

function setup() {
  const backend = createMockBackend({
    origins: ['http://localhost:5173'],
    rpId: 'localhost',
    token: 'test-token',
    userActionSigning: 'off',
  });
  const requests: FetcherRequest[] = [];
  const http = createFetcher({
    baseUrl: 'http://mock.test',
    headers: { Authorization: 'Bearer test-token' },
    fetch: (input, init) => backend.fetch(new Request(input, init)),
  });
  let inFlight = 0;
  const fetcher: Fetcher = async (request) => {
    requests.push(request);
    inFlight += 1;
    try {
      return await http(request);
    } finally {
      inFlight -= 1;
    }
  };
  /** Resolves once `count` requests were made and every one has been answered. */
  const answered = (count: number) =>
    vi.waitFor(
      () => {
        expect(requests.length).toBeGreaterThanOrEqual(count);
        expect(inFlight).toBe(0);
      },
      { timeout: 20_000 },
    );
  return { fetcher, requests, answered };
}

/** Resolves once the snapshot satisfies `done`. */
function until<T>(
  registration: { subscribe: (listener: () => void) => () => void; getSnapshot: () => OperationSnapshot<T> },
  done: (snapshot: OperationSnapshot<T>) => boolean,
): Promise<OperationSnapshot<T>> {
  return new Promise((resolve) => {
    const check = () => {
      const snapshot = registration.getSnapshot();
      if (!done(snapshot)) return;
      unsubscribe();
      resolve(snapshot);
    };
    const unsubscribe = registration.subscribe(check);
    check();
  });
}

const settled = (snapshot: OperationSnapshot<unknown>) => !snapshot.isBusy && snapshot.phase !== 'idle';

describe('createCredentialRegistrationController', () => {
  it('should prefetch a challenge while mounted and go from the click to create() with no request between', {
    timeout: 30_000,
  }, async () => {
    const { fetcher, requests, answered } = setup();
    const credentials = softwareCredentials();
    let requestsAtCreate = -1;
    const create = credentials.create.bind(credentials);
    credentials.create = (options) => {
      requestsAtCreate = requests.length;
      return create(options);
    };
    const registration = createCredentialRegistrationController({ fetcher, rp, credentials });
    const unmount = registration.mount();
    await answered(1);

    registration.start({ credentialName: 'Laptop' });
    expect(registration.getSnapshot().phase).toBe('ceremony');
    const snapshot = await until(registration, settled);

    expect(snapshot.error).toBeNull();
    expect(snapshot.data?.credential.name).toBe('Laptop');
    expect(requestsAtCreate).toBe(1);
    unmount();
  });

  // Issue 26: an await before create() (say, on the ceremony's chunk) let React render the new phase
  // first, and doubled click → create(). Ordering, not timing: create() must be called inside start().
  it('should call create() inside start(), before any microtask, when the challenge and the ceremony are in', async () => {
    const { fetcher, answered } = setup();
    const credentials = softwareCredentials();
    const order: string[] = [];
    const create = credentials.create.bind(credentials);
    credentials.create = (options) => {
      order.push('create()');
      return create(options);
    };
    // What mount() preloads in a browser.
    await Promise.all([browserCeremony.load(), passkeyFlow.load()]);
    const registration = createCredentialRegistrationController({ fetcher, rp, credentials });
    // As React's useSyncExternalStore does: each change schedules a render in a microtask.
    registration.subscribe(() => queueMicrotask(() => order.push(`render ${registration.getSnapshot().phase}`)));
    const unmount = registration.mount();
    await answered(1);

    registration.start({ credentialName: 'Laptop' });
    order.push('start() returned');
    const snapshot = await until(registration, settled);

    expect(snapshot.error).toBeNull();
    expect(order.slice(0, 3)).toEqual(['create()', 'start() returned', 'render ceremony']);
    unmount();
  });

  // Issue 26: the next challenge's fetch started before React rendered the success, and delayed it.
  // Ordering, not timing: the render the success scheduled comes before the next challenge's request.
  it('should request the next challenge only after the success has rendered', async () => {
    const { fetcher, answered } = setup();
    const order: string[] = [];
    const recording: Fetcher = (request) => {
      order.push(`request ${request.path}`);
      return fetcher(request);
    };
    const registration = createCredentialRegistrationController({
      fetcher: recording,
      rp,
      credentials: softwareCredentials(),
    });
    // As React's useSyncExternalStore does: each change schedules a render in a microtask.
    registration.subscribe(() => queueMicrotask(() => order.push(`render ${registration.getSnapshot().phase}`)));
    const unmount = registration.mount();
    await answered(1);

    registration.start({ credentialName: 'Laptop' });
    await until(registration, settled);
    await answered(3);

    expect(registration.getSnapshot().phase).toBe('success');
    expect(order.slice(-2)).toEqual(['render success', 'request /auth/credentials/init']);
    unmount();
  });

  it('should use each challenge once: the mock accepts the second registration too', { timeout: 30_000 }, async () => {
    const { fetcher, requests, answered } = setup();
    const onRegistered = vi.fn<(credential: CreateCredentialResponse) => void>();
    const registration = createCredentialRegistrationController({
      fetcher,
      rp,
      credentials: softwareCredentials(),
      onRegistered,
    });
    const unmount = registration.mount();
    await answered(1);
    registration.start({ credentialName: 'One' });
    await until(registration, settled);
    // After the attempt, a fresh challenge is fetched for the next one.
    await answered(3);
    registration.start({ credentialName: 'Two' });
    const second = await until(registration, settled);
    expect(second.error).toBeNull();
    expect(onRegistered.mock.calls.map(([credential]) => credential.name)).toEqual(['One', 'Two']);
    const used = requests
      .filter((request) => request.path === '/auth/credentials')
      .map((request) => (request.body as { challengeIdentifier: string }).challengeIdentifier);
    expect(new Set(used).size).toBe(2);
    unmount();
  });

  it("should hold the server's refusal as a typed error and retry with the same name", {
    timeout: 30_000,
  }, async () => {
    const { fetcher } = setup();
    const registration = createCredentialRegistrationController({
      fetcher,
      rp,
      credentials: softwareCredentials('https://evil.example'),
      prefetchChallenge: false,
    });
    registration.start({ credentialName: 'Foreign' });
    const failed = await until(registration, settled);
    expect([failed.phase, failed.error?.code, failed.error?.status]).toEqual(['error', 'server', 400]);

    registration.setOptions({ fetcher, rp, credentials: softwareCredentials(), prefetchChallenge: false });
    registration.retry();
    const retried = await until(registration, settled);
    expect(retried.data?.credential.name).toBe('Foreign');
  });

  // Issue 17: after a failure the engine kept the password for retry(), until the next registration.
  it('should not keep a password or recovery code after a failure: retry() does nothing then', async () => {
    vi.stubGlobal('location', { origin: 'http://localhost:5173' });
    const fetcher = vi.fn<Fetcher>(async () => {
      throw new CredkitError('network');
    });
    const registration = createCredentialRegistrationController({ fetcher, rp, kind: 'PasswordProtectedKey' });
    registration.start({ credentialName: 'Vault', password: 'correct horse' });
    expect((await until(registration, settled)).error?.code).toBe('network');
    registration.retry();
    expect([registration.getSnapshot().phase, fetcher.mock.calls.length]).toEqual(['error', 1]);

    registration.setOptions({ fetcher, rp, kind: 'RecoveryKey' });
    registration.start({ credentialName: 'Recovery', recoveryCode: 'D1-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA' });
    await until(registration, settled);
    registration.retry();
    expect([registration.getSnapshot().phase, fetcher.mock.calls.length]).toEqual(['error', 2]);

    // Without a secret, retry() runs again.
    registration.setOptions({ fetcher, rp, kind: 'Key' });
    registration.start({ credentialName: 'Browser key' });
    await until(registration, settled);
    registration.retry();
    await until(registration, settled);
    expect(fetcher).toHaveBeenCalledTimes(4);
    vi.unstubAllGlobals();
  });

  it('should register a key kind, loading its code on first use, and hand the key pair over', {
    timeout: 30_000,
  }, async () => {
    const { fetcher, requests } = setup();
    // Key kinds write the page's origin into clientData.
    vi.stubGlobal('location', { origin: 'http://localhost:5173' });
    const registration = createCredentialRegistrationController({ fetcher, rp, kind: 'Key' });
    const unmount = registration.mount();
    // No challenge is prefetched for a key kind.
    expect(requests).toHaveLength(0);
    registration.start({ credentialName: 'Browser key' });
    const snapshot = await until(registration, settled);
    expect(snapshot.error).toBeNull();
    expect(snapshot.data?.credential.kind).toBe('Key');
    expect(snapshot.data?.key?.keyPair.privateKey.extractable).toBe(false);
    unmount();
    vi.unstubAllGlobals();
  });
});
