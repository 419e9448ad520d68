import { describe, expect, it, vi } from 'vitest';
import { CredkitError, type OperationRunPhase } from '../errors/credkitError.ts';
import type { Fetcher, FetcherRequest } from '../http/fetcher.ts';
import { credkitRejection } from '../testFixtures.ts';
import { sendWithUserAction } from './sendWithUserAction.ts';
import type { UserActionSignerWithProtocol } from './userAction.ts';

function recordingFetcher(answer: unknown = { ok: true }) {
  const requests: FetcherRequest[] = [];
  const fetcher: Fetcher = async (request) => {
    requests.push(request);
    return answer;
  };
  return { fetcher, requests };
}

function signer(obtainUserAction: UserActionSignerWithProtocol['obtainUserAction']): UserActionSignerWithProtocol {
  return { sign: async () => ({}) as never, obtainUserAction: vi.fn(obtainUserAction) };
}

const request: FetcherRequest = {
  method: 'POST',
  path: '/wallets',
  body: { network: 'Ethereum' },
  headers: { A: '1' },
};

describe('sendWithUserAction', () => {
  it('should sign the body text once and send those bytes with X-DFNS-USERACTION', async () => {
    const { fetcher, requests } = recordingFetcher({ id: 'wa-1' });
    const confirming = signer(async () => 'token-1');
    const phases: OperationRunPhase[] = [];

    await expect(sendWithUserAction(fetcher, confirming, request, (phase) => phases.push(phase))).resolves.toEqual({
      id: 'wa-1',
    });

    expect(phases).toEqual(['signing', 'submitting']);
    expect(confirming.obtainUserAction).toHaveBeenCalledWith(
      fetcher,
      { method: 'POST', path: '/wallets', bodyText: '{"network":"Ethereum"}' },
      undefined,
    );
    expect(requests).toEqual([
      { ...request, bodyText: '{"network":"Ethereum"}', headers: { A: '1', 'X-DFNS-USERACTION': 'token-1' } },
    ]);
  });

  it('should sign the path with its query string, as it is sent (the server binds both)', async () => {
    const { fetcher, requests } = recordingFetcher();
    const confirming = signer(async () => 'token');
    await sendWithUserAction(fetcher, confirming, { ...request, path: '/wallets?force=true' });
    expect(vi.mocked(confirming.obtainUserAction).mock.calls[0]?.[1].path).toBe('/wallets?force=true');
    expect(requests[0]?.path).toBe('/wallets?force=true');
  });

  it('should sign and send a bodyText given by the caller as it is', async () => {
    const { fetcher, requests } = recordingFetcher();
    const confirming = signer(async () => 'token');
    await sendWithUserAction(fetcher, confirming, { ...request, bodyText: '{"network": "Ethereum"}' });
    expect(vi.mocked(confirming.obtainUserAction).mock.calls[0]?.[1].bodyText).toBe('{"network": "Ethereum"}');
    expect(requests[0]?.bodyText).toBe('{"network": "Ethereum"}');
  });

  it("should tag the signer's failure with the signing phase and send nothing", async () => {
    const { fetcher, requests } = recordingFetcher();
    const error = await credkitRejection(
      sendWithUserAction(
        fetcher,
        signer(async () => {
          throw new Error('no passkey');
        }),
        request,
      ),
    );
    expect([error.code, error.phase]).toEqual(['unknown', 'signing']);
    expect(requests).toHaveLength(0);
  });

  it('should stop after signing when the signal was aborted meanwhile', async () => {
    const controller = new AbortController();
    const { fetcher, requests } = recordingFetcher();
    const confirming = signer(async () => {
      controller.abort(new CredkitError('cancelled'));
      return 'token';
    });
    const error = await credkitRejection(
      sendWithUserAction(fetcher, confirming, { ...request, signal: controller.signal }),
    );
    expect([error.code, error.phase]).toEqual(['cancelled', 'signing']);
    expect(requests).toHaveLength(0);
  });

  it("should tag the request's failure with the submitting phase", async () => {
    const fetcher: Fetcher = async () => {
      throw new CredkitError('forbidden', { status: 403 });
    };
    const error = await credkitRejection(
      sendWithUserAction(
        fetcher,
        signer(async () => 'token'),
        request,
      ),
    );
    expect([error.code, error.phase]).toEqual(['forbidden', 'submitting']);
  });
});
