// The recovery engine with the host's challengeSource: no e-mailed code, the engine's signal handed
// to the host, and what cannot work refused before anything runs.
import { describe, expect, it, vi } from 'vitest';
import type { ChallengeSource } from '../flows/hostBackend.ts';
import type { RecoveryChallengeContext } from '../flows/recoveryChallenge.ts';
import { fakeCredentials } from '../testFixtures.ts';
import { createAccountRecoveryController } from './accountRecoveryController.ts';

const rp = { id: 'localhost', name: 'credkit' };
const input = { credentialId: 'recovery-key-1', recoveryCode: 'D1-7H2QK-M9XTE-0RB4W-ABCDE-FGHJK-MNPQR' };

/** A host challengeSource that never answers, and fails as `fetch` does when its signal aborts. */
function pendingSource() {
  return vi.fn<ChallengeSource<RecoveryChallengeContext>>(
    ({ signal }) =>
      new Promise((_resolve, reject) => {
        signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      }),
  );
}

/** The engine with the host's two functions, the challengeSource given. */
function engineWith(
  challengeSource: ChallengeSource<RecoveryChallengeContext>,
  options: { signInAfter?: boolean } = {},
) {
  return createAccountRecoveryController({
    challengeSource,
    completion: async () => ({}),
    rp,
    credentials: fakeCredentials(),
    ...options,
  });
}

describe('createAccountRecoveryController with a host backend', () => {
  it("should abort the host's fetch on cancel(), and hold cancelled as the error", async () => {
    const challengeSource = pendingSource();
    const engine = engineWith(challengeSource);
    engine.start(input);
    await vi.waitFor(() => expect(challengeSource).toHaveBeenCalledTimes(1));
    const { signal } = challengeSource.mock.calls[0]?.[0] ?? {};
    engine.cancel();
    expect(signal?.aborted).toBe(true);
    await vi.waitFor(() => expect(engine.getSnapshot().phase).toBe('error'));
    expect(engine.getSnapshot().error).toMatchObject({ code: 'cancelled', phase: 'challenge' });
  });

  it('should refuse to send a verification code, which no host-obtained challenge needs', async () => {
    const challengeSource = pendingSource();
    const engine = engineWith(challengeSource);
    engine.sendCode('ada@example.com');
    await vi.waitFor(() => expect(engine.getSnapshot().codeStatus).toBe('error'));
    expect(engine.getSnapshot().codeError?.code).toBe('invalid-input');
    expect(challengeSource).not.toHaveBeenCalled();
  });

  it('should refuse signInAfter without a fetcher and orgId before recovering, not after', async () => {
    const challengeSource = pendingSource();
    const engine = engineWith(challengeSource, { signInAfter: true });
    engine.start(input);
    await vi.waitFor(() => expect(engine.getSnapshot().phase).toBe('error'));
    expect(engine.getSnapshot().error?.code).toBe('invalid-input');
    expect(engine.getSnapshot().error?.message).toContain('signInAfter');
    expect(challengeSource).not.toHaveBeenCalled();
  });
});
