import { describe, expect, it, vi } from 'vitest';
import { CredkitError } from '../errors/credkitError.ts';
import { inProcessMock, softwareCredentials } from '../testFixtures.ts';
import type { CeremonyEvent } from './ceremonyEvents.ts';
import { createCredentialRegistrationController } from './credentialRegistrationController.ts';
import { createOperationController } from './operationController.ts';
import { createPasskeyLoginController } from './passkeyLoginController.ts';
import { createUserRegistrationController } from './userRegistrationController.ts';

const ORIGIN = 'http://localhost:5173';
const ORG = 'or-credk-itmck-0000000000000000';
const rp = { id: 'localhost', name: 'credkit' };

const typesOf = (events: CeremonyEvent[]) => events.map((event) => event.type);

/** Waits until the last event is an ending. */
async function ended(events: CeremonyEvent[]) {
  await vi.waitFor(() => expect(['succeeded', 'failed', 'cancelled', 'abandoned']).toContain(events.at(-1)?.type), {
    timeout: 5000,
  });
}

describe('ceremony events', () => {
  it('should report a sign-up and a sign-in with their prompts, durations, and no name, id, code or token', async () => {
    const { anonymous } = inProcessMock({ origins: [ORIGIN], rpId: 'localhost' });
    const events: CeremonyEvent[] = [];
    const onEvent = (event: CeremonyEvent) => events.push(event);
    const passkeys = softwareCredentials(ORIGIN);
    const username = 'secret-ada@example.com';
    const signUp = createUserRegistrationController({
      fetcher: anonymous,
      orgId: ORG,
      rp,
      credentials: passkeys,
      origin: ORIGIN,
      credentialName: 'Secret laptop name',
      onEvent,
    });
    signUp.start({ username, registrationCode: '987654' });
    await ended(events);
    const registration = signUp.getSnapshot().data;
    expect(registration).toBeDefined();
    expect(typesOf(events)).toEqual(['started', 'prompt', 'succeeded']);
    expect(events[0]).toEqual({
      type: 'started',
      kind: 'sign-up',
      credentialKind: 'Fido2',
      phase: 'challenge',
      durationMs: 0,
    });
    expect(events[1]).toMatchObject({ kind: 'sign-up', phase: 'ceremony' });
    expect(events[2]).toMatchObject({ kind: 'sign-up', phase: 'submitting', promptMs: expect.any(Number) });

    const signIn = createPasskeyLoginController({
      fetcher: anonymous,
      orgId: ORG,
      rpId: 'localhost',
      credentials: passkeys,
      onEvent,
    });
    signIn.start({ username });
    await vi.waitFor(() => expect(events).toHaveLength(6), { timeout: 5000 });
    const token = signIn.getSnapshot().data?.token ?? '';
    expect(events.slice(3)).toEqual([
      { type: 'started', kind: 'sign-in', credentialKind: 'Fido2', phase: 'challenge', durationMs: 0 },
      { type: 'prompt', kind: 'sign-in', credentialKind: 'Fido2', phase: 'signing', durationMs: expect.any(Number) },
      {
        type: 'succeeded',
        kind: 'sign-in',
        credentialKind: 'Fido2',
        phase: 'submitting',
        durationMs: expect.any(Number),
        promptMs: expect.any(Number),
      },
    ]);
    for (const event of events) {
      expect(event.durationMs).toBeGreaterThanOrEqual(0);
      expect(Number.isInteger(event.durationMs)).toBe(true);
    }

    // Nothing the person typed or the server gave away is in any event.
    const text = JSON.stringify(events);
    const secrets = [username, 'secret-ada', '987654', 'Secret laptop name', token, registration?.user.id ?? '', ORG];
    for (const secret of secrets) {
      expect(secret).not.toBe('');
      expect(text).not.toContain(secret);
    }
  });

  it('should report a failure with its code and status, and a cancel as cancelled', async () => {
    const events: CeremonyEvent[] = [];
    const failing = createPasskeyLoginController({
      fetcher: async () => {
        throw Object.assign(new Error('user secret-bob@example.com is unknown'), { httpStatus: 404 });
      },
      orgId: ORG,
      credentials: { get: () => new Promise(() => undefined) },
      onEvent: (event) => events.push(event),
    });
    failing.start({ username: 'secret-bob@example.com' });
    await ended(events);
    expect(events.at(-1)).toEqual({
      type: 'failed',
      kind: 'sign-in',
      credentialKind: 'Fido2',
      phase: 'challenge',
      durationMs: expect.any(Number),
      code: 'server',
      status: 404,
    });
    expect(JSON.stringify(events)).not.toContain('secret-bob');

    events.length = 0;
    const { anonymous } = inProcessMock({ origins: [ORIGIN], rpId: 'localhost' });
    const waiting = createPasskeyLoginController({
      fetcher: anonymous,
      orgId: ORG,
      rpId: 'localhost',
      credentials: { get: () => new Promise(() => undefined) },
      onEvent: (event) => events.push(event),
    });
    waiting.start({});
    await vi.waitFor(() => expect(typesOf(events)).toEqual(['started', 'prompt']), { timeout: 5000 });
    waiting.cancel();
    await ended(events);
    expect(events.at(-1)).toMatchObject({ type: 'cancelled', code: 'cancelled', phase: 'signing' });
  });

  it('should report an operation left running (reset, unmount) as abandoned, once', async () => {
    const events: CeremonyEvent[] = [];
    const controller = createPasskeyLoginController({
      fetcher: () => new Promise(() => undefined),
      orgId: ORG,
      credentials: { get: () => new Promise(() => undefined) },
      onEvent: (event) => events.push(event),
    });
    const unmount = controller.mount();
    controller.start({});
    unmount();
    controller.reset();
    expect(typesOf(events)).toEqual(['started', 'abandoned']);
  });

  it('should report nothing without onEvent, and survive an onEvent that throws', async () => {
    const queued: unknown[] = [];
    const spy = vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((callback) => queued.push(callback));
    try {
      const controller = createPasskeyLoginController({
        fetcher: async () => {
          throw new CredkitError('network');
        },
        orgId: ORG,
        credentials: { get: () => new Promise(() => undefined) },
        onEvent: () => {
          throw new Error('host bug');
        },
      });
      controller.start({});
      await vi.waitFor(() => expect(controller.getSnapshot().phase).toBe('error'), { timeout: 5000 });
      // Both events' errors were thrown again on later tasks, not into the controller.
      expect(queued).toHaveLength(2);
    } finally {
      spy.mockRestore();
    }
    const silent = createOperationController({ run: async () => 1, cancelMessage: 'c' });
    silent.start(undefined);
    await vi.waitFor(() => expect(silent.getSnapshot().phase).toBe('success'));
  });

  it('should report a passkey registration once its chunk has loaded', async () => {
    const { fetcherWith, anonymous } = inProcessMock({
      origins: [ORIGIN],
      rpId: 'localhost',
      userActionSigning: 'off',
    });
    const passkeys = softwareCredentials(ORIGIN);
    const signUp = createUserRegistrationController({
      fetcher: anonymous,
      orgId: ORG,
      rp,
      credentials: passkeys,
      origin: ORIGIN,
    });
    signUp.start({ username: 'carol@example.com', registrationCode: '000000' });
    await vi.waitFor(() => expect(signUp.getSnapshot().phase).toBe('success'), { timeout: 5000 });
    const events: CeremonyEvent[] = [];
    const controller = createCredentialRegistrationController({
      fetcher: fetcherWith(signUp.getSnapshot().data?.token ?? ''),
      rp,
      credentials: passkeys,

      prefetchChallenge: false,
      onEvent: (event) => events.push(event),
    });
    const unmount = controller.mount();
    const { passkeyFlow } = await import('./credentialRegistrationController.ts');
    await passkeyFlow.load();
    // Observing starts once the chunk's promise has settled.
    await new Promise((resolve) => setTimeout(resolve, 0));
    controller.start({ credentialName: 'Second' });
    await ended(events);
    unmount();
    expect(typesOf(events)).toEqual(['started', 'prompt', 'succeeded']);
    expect(events[0]).toMatchObject({ kind: 'registration', credentialKind: 'Fido2' });
  });
});
