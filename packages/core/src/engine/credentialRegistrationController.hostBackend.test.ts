// The registration engine with the host's challengeSource and completion: its guarantees hold
// unchanged (gesture-safe prefetch, one ceremony at a time, abort, errors as state).
import { describe, expect, it, vi } from 'vitest';
import type { CreateCredentialBody } from '../dfns/dfnsTypes.ts';
import type { ChallengeSource, Completion, HostCallContext } from '../flows/hostBackend.ts';
import { createdCredentialFixture, fakeCredentials, fido2ChallengeFixture } from '../testFixtures.ts';
import { createCredentialRegistrationController } from './credentialRegistrationController.ts';

const rp = { id: 'localhost', name: 'credkit' };
/** After the promises settled so far (the prefetch holds its challenge then). */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A host function that answers when `answer` is called, and fails as `fetch` does when its signal aborts. */
function pendingHostCall() {
  const contexts: HostCallContext[] = [];
  const answers: ((value: unknown) => void)[] = [];
  const call = vi.fn(
    (context: HostCallContext) =>
      new Promise<unknown>((resolve, reject) => {
        contexts.push(context);
        answers.push(resolve);
        context.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      }),
  );
  return { call, contexts, answer: (value: unknown) => answers.at(-1)?.(value) };
}

describe('createCredentialRegistrationController with a host backend', () => {
  it("should prefetch from the host's challengeSource, so the click goes straight to create()", async () => {
    let challenges = 0;
    const challengeSource = vi.fn<ChallengeSource>(async () =>
      fido2ChallengeFixture({ challengeIdentifier: `host-challenge-${++challenges}` }),
    );
    const completion = vi.fn<Completion<CreateCredentialBody>>(async () => createdCredentialFixture);
    const credentials = fakeCredentials();
    const registration = createCredentialRegistrationController({ challengeSource, completion, rp, credentials });
    const unmount = registration.mount();
    await vi.waitFor(() => expect(challengeSource).toHaveBeenCalledTimes(1));
    expect(challengeSource.mock.calls[0]?.[0].signal).toBeInstanceOf(AbortSignal);
    await nextTask();

    registration.start({ credentialName: 'Laptop' });
    // No await between the click and the prompt: the challenge was there.
    expect(registration.getSnapshot().phase).toBe('ceremony');
    await vi.waitFor(() => expect(registration.getSnapshot().phase).toBe('success'));
    expect(credentials.create).toHaveBeenCalledTimes(1);
    expect(completion.mock.calls[0]?.[0].challengeIdentifier).toBe('host-challenge-1');
    // The challenge is spent: the next one is asked for at once.
    await vi.waitFor(() => expect(challengeSource).toHaveBeenCalledTimes(2));
    unmount();
  });

  it("should abort the host's fetch when the registration is cancelled, and hold cancelled as its error", async () => {
    const source = pendingHostCall();
    const onError = vi.fn();
    const registration = createCredentialRegistrationController({
      challengeSource: source.call,
      completion: async () => createdCredentialFixture,
      rp,
      credentials: fakeCredentials(),
      prefetchChallenge: false,
      onError,
    });
    registration.start({ credentialName: 'Laptop' });
    await vi.waitFor(() => expect(source.call).toHaveBeenCalledTimes(1));
    const signal = source.contexts[0]?.signal;
    expect(signal?.aborted).toBe(false);

    registration.cancel();
    expect(signal?.aborted).toBe(true);
    await vi.waitFor(() => expect(registration.getSnapshot().phase).toBe('error'));
    expect(registration.getSnapshot().error).toMatchObject({ code: 'cancelled', phase: 'challenge' });
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it("should abort the host's completion and its prefetch on unmount, silently", async () => {
    const source = pendingHostCall();
    const completion = pendingHostCall();
    const onError = vi.fn();
    const registration = createCredentialRegistrationController({
      challengeSource: source.call,
      completion: (_body, context) => completion.call(context),
      rp,
      credentials: fakeCredentials(),
      onError,
    });
    const unmount = registration.mount();
    await vi.waitFor(() => expect(source.call).toHaveBeenCalledTimes(1));
    source.answer(fido2ChallengeFixture());
    await nextTask();
    registration.start({ credentialName: 'Laptop' });
    await vi.waitFor(() => expect(completion.call).toHaveBeenCalledTimes(1));
    // The refresh after the attempt has not started yet: only the completion is in flight.
    const prefetchSignal = source.contexts[0]?.signal;

    unmount();
    expect(completion.contexts[0]?.signal?.aborted).toBe(true);
    expect(prefetchSignal?.aborted).toBe(true);
    expect(source.contexts.every(({ signal }) => signal?.aborted)).toBe(true);
    await Promise.resolve();
    expect(registration.getSnapshot().phase).toBe('idle');
    expect(onError).not.toHaveBeenCalled();
  });
});
