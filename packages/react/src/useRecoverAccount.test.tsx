import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  encryptedRecoveryKey,
  RECOVERY_CODE,
  RECOVERY_KEY_ID,
  recoveryBackend,
  recoveryCredentials,
  refusal,
} from './test/recoverAccount.ts';
import { createTestQueryClient, providerCredentials, wrapperFor } from './test/utils.tsx';
import { useRecoverAccount } from './useRecoverAccount.ts';

const rp = { id: 'localhost', name: 'credkit' };
const CRYPTO = { timeout: 20_000 };
const TEST_TIMEOUT = 60_000;
let encryptedKey: string;
beforeAll(async () => {
  encryptedKey = await encryptedRecoveryKey();
}, 30_000);

const input = {
  username: 'ada@example.com',
  verificationCode: '123456',
  credentialId: RECOVERY_KEY_ID,
  recoveryCode: RECOVERY_CODE,
  credentialName: 'New phone',
};

describe('useRecoverAccount', () => {
  it(
    'should send the code, then go through the phases to the recovered account',
    async () => {
      const { fetcher } = recoveryBackend(encryptedKey);
      const phases: string[] = [];
      const { result } = renderHook(
        () => {
          const recovery = useRecoverAccount({ fetcher, orgId: 'or-1', rp, credentials: recoveryCredentials() });
          if (phases.at(-1) !== recovery.phase) phases.push(recovery.phase);
          return recovery;
        },
        { wrapper: wrapperFor(createTestQueryClient()) },
      );
      act(() => result.current.sendCode('ada@example.com'));
      expect(result.current.codeStatus).toBe('sending');
      await waitFor(() => expect(result.current.codeStatus).toBe('sent'), CRYPTO);

      act(() => result.current.recover(input));
      await waitFor(() => expect(result.current.phase).toBe('success'), CRYPTO);
      expect(result.current.result).toEqual({
        credential: { uuid: 'cr-new', kind: 'Fido2', name: 'New phone' },
        user: { id: 'us-1', username: 'ada@example.com', orgId: 'or-1' },
      });
      expect(result.current.login).toBeUndefined();
      expect(phases).toEqual(['idle', 'challenge', 'ceremony', 'signing', 'submitting', 'success']);
    },
    TEST_TIMEOUT,
  );

  it(
    'should name a new passkey given no name, or a blank one, after its provider',
    async () => {
      const { fetcher } = recoveryBackend(encryptedKey);
      // Made by Google Password Manager (its AAGUID in the attestation).
      const credentials = recoveryCredentials(providerCredentials('ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4').create);
      const { result } = renderHook(() => useRecoverAccount({ fetcher, orgId: 'or-1', rp, credentials }), {
        wrapper: wrapperFor(createTestQueryClient()),
      });
      const { credentialName: _typed, ...unnamed } = input;
      for (const given of [unnamed, { ...unnamed, credentialName: ' ' }]) {
        act(() => result.current.reset());
        act(() => result.current.recover(given));
        await waitFor(() => expect(result.current.phase).toBe('success'), CRYPTO);
        expect(result.current.result?.credential.name).toBe('Google Password Manager');
      }
    },
    TEST_TIMEOUT,
  );

  it(
    'should keep a code that could not be sent as its own error',
    async () => {
      const { fetcher } = recoveryBackend(encryptedKey, {
        'POST /auth/recover/user/code': refusal(404, 'user not found'),
      });
      const onError = vi.fn();
      const { result } = renderHook(() => useRecoverAccount({ fetcher, orgId: 'or-1', rp, onError }), {
        wrapper: wrapperFor(createTestQueryClient()),
      });
      act(() => result.current.sendCode('nobody@example.com'));
      await waitFor(() => expect(result.current.codeStatus).toBe('error'), CRYPTO);
      expect(result.current.codeError).toMatchObject({ status: 404 });
      expect(result.current.phase).toBe('idle');
      expect(onError).toHaveBeenCalledTimes(1);
    },
    TEST_TIMEOUT,
  );

  it(
    'should end cancelled on cancel(), and keep nothing of an abandoned recovery on unmount',
    async () => {
      // An init that never answers, but stops when its request is aborted, as `fetch` does.
      const { fetcher, requests } = recoveryBackend(encryptedKey, {
        'POST /auth/recover/user/init': ({ signal }) =>
          new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason))),
      });
      const { result, unmount } = renderHook(
        () => useRecoverAccount({ fetcher, orgId: 'or-1', rp, credentials: recoveryCredentials() }),
        { wrapper: wrapperFor(createTestQueryClient()) },
      );
      act(() => result.current.recover(input));
      expect(result.current.isBusy).toBe(true);
      await waitFor(() => expect(requests).toHaveLength(1), CRYPTO);
      act(() => result.current.cancel());
      await waitFor(() => expect(result.current.error?.code).toBe('cancelled'), CRYPTO);
      expect(result.current.isBusy).toBe(false);
      unmount();
      expect(requests.map((r) => r.path)).toEqual(['/auth/recover/user/init']);
    },
    TEST_TIMEOUT,
  );
});
