import { describe, expect, it } from 'vitest';
import type { Fetcher, FetcherRequest } from '../http/fetcher.ts';
import { credkitRejection } from '../testFixtures.ts';
import { logout } from './logout.ts';

function recording(answer: () => unknown = () => ({ message: 'Logged out' })) {
  const requests: FetcherRequest[] = [];
  const fetcher: Fetcher = async (request) => {
    requests.push(request);
    return answer();
  };
  return { fetcher, requests };
}

describe('logout', () => {
  it('should PUT /auth/logout for this token, or every token with allSessions', async () => {
    const { fetcher, requests } = recording();
    await logout({ fetcher });
    await logout({ fetcher, allSessions: true });
    expect(requests.map(({ method, path, body }) => ({ method, path, body }))).toEqual([
      { method: 'PUT', path: '/auth/logout', body: {} },
      { method: 'PUT', path: '/auth/logout', body: { allSessions: true } },
    ]);
  });

  it("should reject with the server's refusal", async () => {
    const { fetcher } = recording(() => {
      throw { status: 401, error: { message: 'Not Authorized.' } };
    });
    const error = await credkitRejection(logout({ fetcher }));
    expect([error.code, error.status, error.phase]).toEqual(['server', 401, 'submitting']);
  });
});
