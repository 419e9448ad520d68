import { describe, expect, it } from 'vitest';
import { CredkitError } from '../errors/credkitError.ts';
import { credkitRejection } from '../testFixtures.ts';
import { callFetcher } from './callFetcher.ts';
import type { Fetcher } from './fetcher.ts';

const rejectWith =
  (error: unknown): Fetcher =>
  async () => {
    throw error;
  };

describe('callFetcher', () => {
  it("should resolve with the fetcher's answer", async () => {
    await expect(callFetcher(async () => ({ ok: 1 }), { method: 'GET', path: '/a' })).resolves.toEqual({ ok: 1 });
  });

  it("should classify the fetcher's failure and tag it with the phase", async () => {
    const error = await credkitRejection(
      callFetcher(rejectWith(new TypeError('Failed to fetch')), { method: 'GET', path: '/a' }, 'challenge'),
    );
    expect([error.code, error.phase]).toEqual(['network', 'challenge']);
  });

  it("should keep a CredkitError's own phase", async () => {
    const signing = new CredkitError('server', { status: 500, phase: 'signing' });
    const error = await credkitRejection(callFetcher(rejectWith(signing), { method: 'GET', path: '/a' }, 'submitting'));
    expect(error).toBe(signing);
    expect(error.phase).toBe('signing');
  });

  it('should catch a fetcher that throws instead of rejecting', async () => {
    const throwing: Fetcher = () => {
      throw new TypeError('sync');
    };
    const error = await credkitRejection(callFetcher(throwing, { method: 'GET', path: '/a' }, 'submitting'));
    expect([error.code, error.phase]).toEqual(['network', 'submitting']);
  });

  it("should report the abort's reason when the signal is aborted, whatever the fetcher says", async () => {
    const controller = new AbortController();
    controller.abort(new CredkitError('cancelled'));
    const fetcherError = new CredkitError('server', { status: 500 });
    const error = await credkitRejection(
      callFetcher(rejectWith(fetcherError), { method: 'POST', path: '/a', signal: controller.signal }, 'submitting'),
    );
    expect([error.code, error.phase]).toEqual(['cancelled', 'submitting']);
  });

  it('should report aborted, with the fetcher error as cause, for an abort without a CredkitError reason', async () => {
    const controller = new AbortController();
    controller.abort();
    const fetcherError = new DOMException('The operation was aborted.', 'AbortError');
    const error = await credkitRejection(
      callFetcher(rejectWith(fetcherError), { method: 'GET', path: '/a', signal: controller.signal }),
    );
    expect([error.code, error.phase, error.cause]).toEqual(['aborted', undefined, fetcherError]);
  });
});
