// Recovery when the host's backend obtains the challenge (challengeSource) and completes it
// (completion); the kit's own route is checked against the mock in recoverAccount.integration.test.ts.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RecoverBody } from '../dfns/dfnsTypes.ts';
import type { FetcherRequest } from '../http/fetcher.ts';
import { wrapPrivateKey } from '../keys/privateKeyWrapping.ts';
import { credkitRejection, fakeCredentials, fido2ChallengeFixture, recordingFetcher } from '../testFixtures.ts';
import type { ChallengeSource, Completion } from './hostBackend.ts';
import { type RecoverAccountOptions, type RecoveryCompletionContext, recoverAccount } from './recoverAccount.ts';
import type { RecoveryChallengeContext } from './recoveryChallenge.ts';

const RECOVERY_CODE = 'D1-7H2QK-M9XTE-0RB4W-ABCDE-FGHJK-MNPQR';
const KEY_ID = 'recovery-key-1';
const rp = { id: 'localhost', name: 'credkit' };
// Unwrapping the recovery key runs PBKDF2 with 600,000 iterations.
const CRYPTO = { timeout: 30_000 };

let encryptedRecoveryKey: string;
beforeAll(async () => {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  encryptedRecoveryKey = await wrapPrivateKey(await crypto.subtle.exportKey('pkcs8', pair.privateKey), RECOVERY_CODE);
}, CRYPTO.timeout);
afterEach(() => {
  vi.restoreAllMocks();
});

/** Dfns's answer to `/auth/recover/user/init` or `/auth/recover/user/delegated`: the same shape. */
const recoveryChallenge = () => ({
  ...fido2ChallengeFixture(),
  temporaryAuthenticationToken: 'temporary-token',
  allowedRecoveryCredentials: [{ id: KEY_ID, encryptedRecoveryKey }],
});
const recovered = {
  credential: { uuid: 'cr-new', kind: 'Fido2', name: 'New phone' },
  user: { id: 'us-1', username: 'ada@example.com', orgId: 'or-1' },
};

/** What the person gives, whoever obtains the challenge. */
const typed = { credentialId: KEY_ID, recoveryCode: RECOVERY_CODE, rp, credentialName: 'New phone' };

function hostBackend(challenge: unknown = recoveryChallenge()) {
  const challengeSource = vi.fn<ChallengeSource<RecoveryChallengeContext>>(async () => challenge);
  const completion = vi.fn<Completion<RecoverBody, RecoveryCompletionContext>>(async () => recovered);
  return { challengeSource, completion };
}

describe('recoverAccount with a host backend', () => {
  it(
    'should hand the completion, byte for byte, the body the kit would post, with the temporary token',
    async () => {
      // ECDSA signatures are random: fixed here, so that the two routes can be compared byte for byte.
      vi.spyOn(crypto.subtle, 'sign').mockResolvedValue(new Uint8Array(64).fill(7).buffer);
      const { fetcher, requests } = recordingFetcher({
        '/auth/recover/user/init': recoveryChallenge,
        '/auth/recover/user': () => recovered,
      });
      await recoverAccount({
        ...typed,
        fetcher,
        orgId: 'or-1',
        username: 'ada@example.com',
        verificationCode: '123456',
        credentials: fakeCredentials(),
        origin: 'http://localhost:5173',
      });
      const posted = requests.find(({ path }) => path === '/auth/recover/user') as FetcherRequest;

      const host = hostBackend();
      const phases: string[] = [];
      const result = await recoverAccount({
        ...typed,
        ...host,
        credentials: fakeCredentials(),
        origin: 'http://localhost:5173',
        onPhase: (phase) => phases.push(phase),
      });

      expect(result).toEqual(recovered);
      expect(phases).toEqual(['challenge', 'ceremony', 'signing', 'submitting']);
      const [handed, context] = host.completion.mock.calls[0] ?? [];
      expect(JSON.stringify(handed)).toBe(JSON.stringify(posted.body));
      expect(context).toEqual({ temporaryAuthenticationToken: 'temporary-token' });
      expect(posted.headers).toEqual({ Authorization: 'Bearer temporary-token' });
    },
    CRYPTO.timeout,
  );

  it(
    "should tell the challengeSource the recovery key's id and the username, with the recovery's signal",
    async () => {
      const host = hostBackend();
      const controller = new AbortController();
      await recoverAccount({
        ...typed,
        ...host,
        username: ' ada@example.com ',
        credentials: fakeCredentials(),
        origin: 'http://localhost:5173',
        signal: controller.signal,
      });
      expect(host.challengeSource).toHaveBeenCalledWith({
        credentialId: KEY_ID,
        username: 'ada@example.com',
        signal: controller.signal,
      });
      expect(host.completion.mock.calls[0]?.[1].signal).toBe(controller.signal);
    },
    CRYPTO.timeout,
  );

  it('should refuse, before anything is fetched or made, what the route it takes cannot use or lacks', async () => {
    const cases: [string, Partial<RecoverAccountOptions>][] = [
      ['verificationCode with a challengeSource', { ...hostBackend(), verificationCode: '123456' }],
      ['no verification code for the kit', { fetcher: recordingFetcher().fetcher, orgId: 'or-1', username: 'ada' }],
      ['no orgId for the kit', { fetcher: recordingFetcher().fetcher, username: 'ada', verificationCode: '1' }],
      ['no fetcher for the completion', { challengeSource: hostBackend().challengeSource }],
    ];
    for (const [what, options] of cases) {
      const credentials = fakeCredentials();
      const error = await credkitRejection(recoverAccount({ ...typed, ...options, credentials }));
      expect(error.code, what).toBe('invalid-input');
      expect(credentials.create, what).not.toHaveBeenCalled();
      expect(vi.mocked(options.challengeSource ?? vi.fn()), what).not.toHaveBeenCalled();
    }
  });

  it('should validate the host challenge as its own: another recovery key is no-signing-credential', async () => {
    const host = hostBackend({
      ...recoveryChallenge(),
      allowedRecoveryCredentials: [{ id: 'another-key', encryptedRecoveryKey: 'x' }],
    });
    const error = await credkitRejection(recoverAccount({ ...typed, ...host, credentials: fakeCredentials() }));
    expect([error.code, error.phase]).toEqual(['no-signing-credential', 'challenge']);
    const unusable = await credkitRejection(
      recoverAccount({ ...typed, ...hostBackend({ kind: 'Fido2' }), credentials: fakeCredentials() }),
    );
    expect([unusable.code, unusable.phase]).toEqual(['invalid-challenge', 'challenge']);
  });
});
