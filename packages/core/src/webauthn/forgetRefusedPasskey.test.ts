import { afterEach, describe, expect, it, vi } from 'vitest';
import { CredkitError } from '../errors/credkitError.ts';
import { forgetRefusedPasskey } from './forgetRefusedPasskey.ts';

/** A browser whose PublicKeyCredential has the Signal API; returns the calls it receives. */
function browserWithSignalApi() {
  const signalUnknownCredential = vi.fn(async (_options: { rpId: string; credentialId: string }) => undefined);
  vi.stubGlobal('PublicKeyCredential', { signalUnknownCredential });
  return signalUnknownCredential;
}

const refused = (status: number, code: 'server' | 'forbidden' = 'server') =>
  new CredkitError(code, { phase: 'submitting', status, message: 'refused' });

describe('forgetRefusedPasskey', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('should signal the passkey as unknown when the final POST answers a 4xx', () => {
    const signal = browserWithSignalApi();
    forgetRefusedPasskey(refused(400), 'example.com', 'AQID');
    forgetRefusedPasskey(refused(403, 'forbidden'), 'example.com', 'BAUG');
    expect(signal.mock.calls).toEqual([
      [{ rpId: 'example.com', credentialId: 'AQID' }],
      [{ rpId: 'example.com', credentialId: 'BAUG' }],
    ]);
  });

  it('should not signal when the server may have stored it: a 5xx, a network error, an unusable answer', () => {
    const signal = browserWithSignalApi();
    forgetRefusedPasskey(refused(500), 'example.com', 'AQID');
    forgetRefusedPasskey(new CredkitError('network', { phase: 'submitting' }), 'example.com', 'AQID');
    forgetRefusedPasskey(new CredkitError('server', { phase: 'submitting', status: 200 }), 'example.com', 'AQID');
    forgetRefusedPasskey(new CredkitError('aborted', { phase: 'submitting' }), 'example.com', 'AQID');
    expect(signal).not.toHaveBeenCalled();
  });

  it('should signal a passkey that was never sent: stopped after create(), or its signing failed', () => {
    const signal = browserWithSignalApi();
    forgetRefusedPasskey(new CredkitError('aborted', { phase: 'ceremony' }), 'example.com', 'AQID');
    forgetRefusedPasskey(new CredkitError('cancelled', { phase: 'signing' }), 'example.com', 'BAUG');
    forgetRefusedPasskey(new CredkitError('network', { phase: 'signing' }), 'example.com', 'BwgJ');
    expect(signal.mock.calls.map(([options]) => options.credentialId)).toEqual(['AQID', 'BAUG', 'BwgJ']);
  });

  it('should not signal for a refusal before the passkey was made', () => {
    const signal = browserWithSignalApi();
    forgetRefusedPasskey(new CredkitError('server', { phase: 'challenge', status: 400 }), 'example.com', 'AQID');
    expect(signal).not.toHaveBeenCalled();
  });

  it('should use the page host when the options named no RP id, and do nothing without the API', () => {
    const signal = browserWithSignalApi();
    vi.stubGlobal('location', { hostname: 'app.example.com' });
    forgetRefusedPasskey(refused(409), undefined, 'AQID');
    expect(signal).toHaveBeenCalledWith({ rpId: 'app.example.com', credentialId: 'AQID' });

    vi.stubGlobal('PublicKeyCredential', {});
    expect(() => forgetRefusedPasskey(refused(400), 'example.com', 'AQID')).not.toThrow();
  });

  it('should ignore a signal that fails: the refusal is what the person is told', async () => {
    const signal = vi.fn(async () => {
      throw new DOMException('not allowed', 'NotAllowedError');
    });
    vi.stubGlobal('PublicKeyCredential', { signalUnknownCredential: signal });
    forgetRefusedPasskey(refused(400), 'example.com', 'AQID');
    await Promise.resolve();
    expect(signal).toHaveBeenCalledTimes(1);
  });
});
