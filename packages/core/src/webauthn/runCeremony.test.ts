import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { credkitRejection, fido2ChallengeFixture } from '../testFixtures.ts';
import { toCreationOptions } from './creationOptions.ts';
import { runCeremony } from './runCeremony.ts';
import type { CredentialCreator } from './webAuthnSupport.ts';

const publicKey = toCreationOptions(fido2ChallengeFixture(), { rp: { name: 'credkit' }, timeout: 10_000 });

/** A create() that never settles and ignores its signal, as seen in real browsers. */
function hangingCredentials() {
  const signals: AbortSignal[] = [];
  const credentials: CredentialCreator = {
    create: (options) => {
      if (options.signal) signals.push(options.signal);
      return new Promise<never>(() => undefined);
    },
  };
  return { credentials, signals };
}

describe('runCeremony', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('should abandon a create() that never settles at timeout + grace, abort it and report timed-out', async () => {
    const { credentials, signals } = hangingCredentials();
    const settled = vi.fn();
    const pending = runCeremony({ credentials, publicKey, watchdogGraceMs: 2_000 });
    pending.catch(settled);
    await vi.advanceTimersByTimeAsync(11_999);
    expect(settled).not.toHaveBeenCalled();
    expect(signals[0]?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await credkitRejection(pending);
    expect([error.code, error.phase]).toEqual(['timed-out', 'ceremony']);
    expect(signals[0]?.aborted).toBe(true);
  });

  it('should settle at once when the caller aborts, even if create() ignores the signal', async () => {
    const { credentials, signals } = hangingCredentials();
    const controller = new AbortController();
    const pending = runCeremony({ credentials, publicKey, signal: controller.signal });
    controller.abort();
    const error = await credkitRejection(pending);
    expect(error.code).toBe('aborted');
    expect(signals[0]?.aborted).toBe(true);
  });

  it('should give each call its own signal, so one abort never ends a neighbour', async () => {
    const { credentials, signals } = hangingCredentials();
    const first = new AbortController();
    const one = runCeremony({ credentials, publicKey, signal: first.signal });
    const two = credkitRejection(runCeremony({ credentials, publicKey }));
    first.abort();
    await credkitRejection(one);
    expect(signals).toHaveLength(2);
    expect(signals[0]).not.toBe(signals[1]);
    expect(signals[1]?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(20_000);
    expect((await two).code).toBe('timed-out');
  });

  it('should resolve with the credential and leave no timer behind', async () => {
    const credential = { id: 'x' } as Credential;
    const result = await runCeremony({ credentials: { create: async () => credential }, publicKey });
    expect(result).toBe(credential);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('should classify NotAllowedError at the timeout as timed-out', async () => {
    const credentials: CredentialCreator = {
      create: () =>
        new Promise((_resolve, reject) =>
          setTimeout(() => reject(new DOMException('timed out or not allowed', 'NotAllowedError')), 10_000),
        ),
    };
    const pending = credkitRejection(runCeremony({ credentials, publicKey }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await pending).code).toBe('timed-out');
  });
});
