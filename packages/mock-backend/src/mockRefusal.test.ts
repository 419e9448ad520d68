import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MockRefusal } from './mockRefusal.ts';
import { registration, setupBackend } from './testHelpers.ts';
import { createSoftwareKeyCredential } from './testing/softwareKeySigner.ts';

/** A backend whose refusals are collected. */
function setup(options: Parameters<typeof setupBackend>[0] = {}) {
  const refusals: MockRefusal[] = [];
  return { refusals, ...setupBackend({ onRefusal: (refusal) => refusals.push(refusal), ...options }) };
}

describe('onRefusal', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('should report a CORS request from an origin that is not allowed, and not one that is', async () => {
    const { backend, refusals } = setup({ origins: undefined });
    const preflight = (origin: string) =>
      backend.fetch(
        new Request('http://mock.test/auth/credentials', {
          method: 'OPTIONS',
          headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
        }),
      );
    await preflight('http://localhost:4173');
    expect(refusals).toEqual([]);
    await preflight('http://evil.example');
    expect(refusals).toEqual([
      { method: 'OPTIONS', path: '/auth/credentials', reason: 'origin', origin: 'http://evil.example', check: 'cors' },
    ]);
  });

  it('should report a Fido2 or key credential made on an origin that is not allowed', async () => {
    const { call, refusals } = setup();
    const fido2 = await registration(call, { origin: 'https://evil.example' });
    expect((await call('POST', '/auth/credentials', fido2)).status).toBe(400);
    const challenge = (await call('POST', '/auth/credentials/init', { kind: 'Key' })).body;
    const key = createSoftwareKeyCredential({ challenge: challenge.challenge, origin: 'http://localhost:1' });
    const keyBody = {
      credentialKind: 'Key',
      credentialName: 'Key',
      challengeIdentifier: challenge.challengeIdentifier,
      credentialInfo: key.credentialInfo,
    };
    expect((await call('POST', '/auth/credentials', keyBody)).status).toBe(400);
    expect(refusals).toEqual([
      {
        method: 'POST',
        path: '/auth/credentials',
        reason: 'origin',
        origin: 'https://evil.example',
        check: 'clientData',
      },
      {
        method: 'POST',
        path: '/auth/credentials',
        reason: 'origin',
        origin: 'http://localhost:1',
        check: 'clientData',
      },
    ]);
  });

  it('should report a missing, malformed, unknown or wrong kind of bearer token', async () => {
    const { call, refusals } = setup();
    const user = (problem: string) => ({
      method: 'GET',
      path: '/auth/credentials',
      reason: 'token',
      problem,
      expected: 'user',
    });
    await call('GET', '/auth/credentials', undefined, { Authorization: '' });
    await call('GET', '/auth/credentials', undefined, { Authorization: 'test-token' });
    await call('GET', '/auth/credentials', undefined, { Authorization: 'Bearer nope' });
    const init = await call('POST', '/auth/registration/init', {
      orgId: 'or-credk-itmck-0000000000000000',
      username: 'ada@example.com',
      registrationCode: 'any',
    });
    const registrationToken = init.body.temporaryAuthenticationToken as string;
    await call('GET', '/auth/credentials', undefined, { Authorization: `Bearer ${registrationToken}` });
    await call('POST', '/auth/registration', {}, { Authorization: 'Bearer test-token' });
    expect(refusals).toEqual([
      user('missing'),
      user('malformed'),
      user('unknown'),
      user('wrongKind'),
      { method: 'POST', path: '/auth/registration', reason: 'token', problem: 'wrongKind', expected: 'registration' },
    ]);
  });

  it('should report a missing or invalid user action while signing is required', async () => {
    const { call, refusals } = setup({ userActionSigning: 'required' });
    const body = await registration(call);
    expect((await call('POST', '/auth/credentials', body)).status).toBe(403);
    expect((await call('POST', '/auth/credentials', body, { 'X-DFNS-USERACTION': 'forged' })).status).toBe(403);
    expect(refusals).toEqual([
      { method: 'POST', path: '/auth/credentials', reason: 'userAction', problem: 'missing' },
      { method: 'POST', path: '/auth/credentials', reason: 'userAction', problem: 'invalid' },
    ]);
  });

  it('should not report accepted requests, nor refusals whose answer says it all', async () => {
    const { call, refusals } = setup();
    expect((await call('POST', '/auth/credentials', await registration(call))).status).toBe(200);
    expect((await call('POST', '/auth/credentials', { credentialKind: 'Fido2' })).status).toBe(400);
    expect((await call('GET', '/auth/nowhere')).status).toBe(404);
    expect(refusals).toEqual([]);
  });

  it('should log nothing when unset', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(console, level));
    const { call } = setupBackend({ userActionSigning: 'required' });
    await call('GET', '/auth/credentials', undefined, { Authorization: '' });
    await call('POST', '/auth/credentials', await registration(call, { origin: 'https://evil.example' }));
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});
