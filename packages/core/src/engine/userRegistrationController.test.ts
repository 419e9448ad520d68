import { createMockBackend } from '@credkit/mock-backend';
import { describe, expect, it, vi } from 'vitest';
import { createFetcher } from '../http/fetcher.ts';
import { generateRecoveryCode } from '../keys/recoveryCode.ts';
import { fido2ChallengeFixture, softwareCredentials } from '../testFixtures.ts';
import { createUserRegistrationController } from './userRegistrationController.ts';

describe('createUserRegistrationController', () => {
  it('should sign a user up against the verifying mock, then sign them in', { timeout: 30_000 }, async () => {
    const backend = createMockBackend({ origins: ['http://localhost:5173'], rpId: 'localhost', orgId: 'or-test' });
    const fetcher = createFetcher({
      baseUrl: 'http://mock.test',
      fetch: (input, init) => backend.fetch(new Request(input, init)),
    });
    const onRegistered = vi.fn();
    const signUp = createUserRegistrationController({
      fetcher,
      orgId: 'or-test',
      rp: { id: 'localhost', name: 'credkit' },
      credentials: softwareCredentials(),
      onRegistered,
    });
    signUp.start({ username: 'ada@example.com', registrationCode: 'any' });
    await vi.waitFor(() => expect(signUp.getSnapshot().isBusy).toBe(false), { timeout: 20_000 });
    const { phase, data, error } = signUp.getSnapshot();
    expect(error).toBeNull();
    expect(phase).toBe('success');
    expect(data?.user.username).toBe('ada@example.com');
    expect(onRegistered).toHaveBeenCalledWith(data);
    const me = await fetcher({
      method: 'GET',
      path: '/auth/credentials',
      headers: { Authorization: `Bearer ${data?.token}` },
    });
    expect(me).toMatchObject({ items: [{ kind: 'Fido2', isActive: true }] });
  });

  it('should end a cancelled sign-up with its own message', { timeout: 30_000 }, async () => {
    const signUp = createUserRegistrationController({
      fetcher: (request) =>
        new Promise((_resolve, reject) =>
          request.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
      orgId: 'or-1',
      rp: { id: 'localhost', name: 'credkit' },
      credentials: softwareCredentials(),
    });
    signUp.start({ username: 'ada@example.com', registrationCode: 'any' });
    signUp.cancel();
    await vi.waitFor(() => expect(signUp.getSnapshot().phase).toBe('error'));
    expect(signUp.getSnapshot().error?.message).toBe('Sign-up cancelled. Nothing was registered.');
  });

  it('should sign up from the host backend with register({}), and not retry a sign-up holding a recovery code', async () => {
    const completion = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const signUp = createUserRegistrationController({
      challengeSource: async () => fido2ChallengeFixture(),
      completion,
      rp: { id: 'localhost', name: 'credkit' },
      credentials: softwareCredentials(),
      origin: 'http://localhost:5173',
    });
    signUp.start({ recoveryKey: { recoveryCode: generateRecoveryCode() } });
    await vi.waitFor(() => expect(signUp.getSnapshot().phase).toBe('error'), { timeout: 20_000 });
    expect(signUp.getSnapshot().error?.code).toBe('network');
    expect(completion).toHaveBeenCalledTimes(1);

    signUp.retry();
    expect(signUp.getSnapshot().phase).toBe('error');
  });

  it('should ask register() for the username and code only when the kit fetches the challenge', () => {
    const rp = { id: 'localhost', name: 'credkit' };
    const ownInit = createUserRegistrationController({ fetcher: async () => undefined, orgId: 'or-1', rp });
    const fromHost = createUserRegistrationController({
      challengeSource: async () => undefined,
      completion: async () => undefined,
      rp,
    });
    // Only type-checked: neither engine is mounted or run.
    const calls = [
      () => ownInit.start({ username: 'ada@example.com', registrationCode: '000000' }),
      () => fromHost.start({ credentialName: 'Laptop' }),
      // @ts-expect-error the kit's own init needs the username and code
      () => ownInit.start({ credentialName: 'Laptop' }),
    ];
    expect(calls).toHaveLength(3);
  });
});
