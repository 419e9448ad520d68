import { createMockBackend } from '@credkit/mock-backend';
import { describe, expect, it, vi } from 'vitest';
import { createFetcher } from '../http/fetcher.ts';
import { softwareCredentials } from '../testFixtures.ts';
import { createUserRegistration } from './userRegistration.ts';

describe('createUserRegistration', () => {
  it('should sign a user up against the verifying mock, then sign them in', { timeout: 30_000 }, async () => {
    const backend = createMockBackend({ origins: ['http://localhost:5173'], rpId: 'localhost', orgId: 'or-test' });
    const fetcher = createFetcher({
      baseUrl: 'http://mock.test',
      fetch: (input, init) => backend.fetch(new Request(input, init)),
    });
    const onRegistered = vi.fn();
    const signUp = createUserRegistration({
      fetcher,
      orgId: 'or-test',
      rp: { id: 'localhost', name: 'credkit' },
      credentials: softwareCredentials(),
      onRegistered,
    });
    signUp.register({ username: 'ada@example.com', registrationCode: 'any' });
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
    const signUp = createUserRegistration({
      fetcher: (request) =>
        new Promise((_resolve, reject) =>
          request.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
      orgId: 'or-1',
      rp: { id: 'localhost', name: 'credkit' },
      credentials: softwareCredentials(),
    });
    signUp.register({ username: 'ada@example.com', registrationCode: 'any' });
    signUp.cancel();
    await vi.waitFor(() => expect(signUp.getSnapshot().phase).toBe('error'));
    expect(signUp.getSnapshot().error?.message).toBe('Sign-up cancelled. Nothing was registered.');
  });
});
