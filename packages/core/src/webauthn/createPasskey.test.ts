import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { credkitRejection, fido2ChallengeFixture } from '../testFixtures.ts';
import { browserCreator } from './browserCreate.ts';
import { createPasskey } from './createPasskey.ts';
import type { CredentialCreator } from './webAuthnSupport.ts';

const challenge = fido2ChallengeFixture();
const rp = { name: 'credkit' };
const timeout = 10_000;

/** A create() that never settles and ignores its signal, as seen in real browsers. */
function hangingCredentials() {
  const signals: AbortSignal[] = [];
  const credentials: CredentialCreator = {
    create: (options) => {
      if (options.signal) signals.push(options.signal);
      return new Promise<never>(() => undefined);
    },
  };
  return { ceremony: browserCreator(credentials), signals };
}

const attestation = {
  rawId: new Uint8Array([1, 2, 3]).buffer,
  response: { clientDataJSON: new Uint8Array([4]).buffer, attestationObject: new Uint8Array([5, 6]).buffer },
};

describe('createPasskey', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('should abandon a create() that never settles at timeout + grace, abort it and report timed-out', async () => {
    const { ceremony, signals } = hangingCredentials();
    const settled = vi.fn();
    const pending = createPasskey(challenge, { ceremony, rp, timeout, watchdogGraceMs: 2_000 });
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
    const { ceremony, signals } = hangingCredentials();
    const controller = new AbortController();
    const pending = createPasskey(challenge, { ceremony, rp, timeout, signal: controller.signal });
    controller.abort();
    const error = await credkitRejection(pending);
    expect(error.code).toBe('aborted');
    expect(signals[0]?.aborted).toBe(true);
  });

  it('should let the newest ceremony win: the older one ends aborted, the newer one is left alone', async () => {
    const { ceremony, signals } = hangingCredentials();
    const olderCaller = new AbortController();
    const older = credkitRejection(createPasskey(challenge, { ceremony, rp, timeout, signal: olderCaller.signal }));
    const newer = credkitRejection(createPasskey(challenge, { ceremony, rp, timeout }));

    const replaced = await older;
    expect([replaced.code, replaced.phase, replaced.message]).toEqual([
      'aborted',
      'ceremony',
      'A newer passkey prompt replaced this one.',
    ]);
    expect(signals.map((signal) => signal.aborted)).toEqual([true, false]);
    // The older caller's later cancel (its component unmounting, say) does not reach the newer call.
    olderCaller.abort();
    expect(signals[1]?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(20_000);
    expect((await newer).code).toBe('timed-out');
  });

  it('should resolve with the Dfns credentialInfo and leave no timer behind', async () => {
    const ceremony = browserCreator({ create: async () => attestation as unknown as Credential });
    const info = await createPasskey(challenge, { ceremony, rp, timeout });
    expect(info).toEqual({ credId: 'AQID', clientData: 'BA', attestationData: 'BQY' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('should classify NotAllowedError at the timeout as timed-out', async () => {
    const ceremony = browserCreator({
      create: () =>
        new Promise((_resolve, reject) =>
          setTimeout(() => reject(new DOMException('timed out or not allowed', 'NotAllowedError')), timeout),
        ),
    });
    const pending = credkitRejection(createPasskey(challenge, { ceremony, rp, timeout }));
    await vi.advanceTimersByTimeAsync(timeout);
    expect((await pending).code).toBe('timed-out');
  });

  it("should report another page script's pending prompt (OperationError) as busy", async () => {
    const ceremony = browserCreator({
      create: () => Promise.reject(new DOMException('A request is already pending.', 'OperationError')),
    });
    const error = await credkitRejection(createPasskey(challenge, { ceremony, rp, timeout }));
    expect([error.code, error.phase]).toEqual(['busy', 'ceremony']);
  });

  it("should report a custom ceremony's unclassified failure as unknown, keeping it as the cause", async () => {
    const failure = new Error('the native module crashed');
    const error = await credkitRejection(
      createPasskey(challenge, { ceremony: { create: () => Promise.reject(failure) }, rp, timeout }),
    );
    expect([error.code, error.phase, error.cause]).toEqual(['unknown', 'ceremony', failure]);
  });
});
