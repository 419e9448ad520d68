import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CREATE_CREDENTIAL_RESPONSE_KEYS,
  expectDfnsError,
  init,
  ORIGIN,
  registration,
  setupBackend,
  TOKEN,
} from './testHelpers.ts';

const SEED_FIDO2_INFO = {
  credId: 'c1QEdgnPLJargwzy3cbYKny4Q18u0hr97unXsF3DiE8',
  clientData:
    'eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIiwiY2hhbGxlbmdlIjoiTVdNME1tWTVZVFEwTURSaU56ZGhOVEZoTnpZNU9EUXdOV0k1WlRRNFkyUmhPRFppTkRrM1pUWXpPVEU1T0dZeU1EY3haakJqWXprNE1tUTVZelkxTUEiLCJvcmlnaW4iOiJodHRwczovL2FwcC5kZm5zLm5pbmphIiwiY3Jvc3NPcmlnaW4iOmZhbHNlfQ',
  attestationData: 'WT-zFZUBbJHfBkmhzTlPf49LTn7asLeTQKhm_riCvFgFAAAAAA',
};

describe('the mock backend', () => {
  describe('authentication', () => {
    it('should answer 401 Not Authorized. without a bearer token or with an unknown one', async () => {
      const { call } = setupBackend();
      expectDfnsError(
        await call('GET', '/auth/credentials', undefined, { Authorization: '' }),
        401,
        /^Not Authorized\.$/,
      );
      expectDfnsError(
        await call('GET', '/auth/credentials', undefined, { Authorization: 'Bearer nope' }),
        401,
        /Not Authorized/,
      );
      expectDfnsError(
        await call('GET', '/auth/credentials', undefined, { Authorization: TOKEN }),
        401,
        /Not Authorized/,
      );
    });

    it('should answer a CORS preflight from an allowed origin without a token, and not a foreign one', async () => {
      const { backend } = setupBackend();
      const preflight = (origin: string) =>
        backend.fetch(
          new Request('http://mock.test/auth/credentials', {
            method: 'OPTIONS',
            headers: {
              Origin: origin,
              'Access-Control-Request-Method': 'POST',
              'Access-Control-Request-Headers': 'authorization,content-type,x-dfns-useraction',
            },
          }),
        );
      const allowed = await preflight(ORIGIN);
      expect(allowed.status).toBeLessThan(300);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-dfns-useraction');
      const foreign = await preflight('https://evil.example');
      expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('should say who the token belongs to', async () => {
      const { call } = setupBackend();
      const me = await call('GET', '/auth/users/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ username: 'demo@credkit.dev', displayName: 'Demo User', kind: 'EndUser' });
      expect(me.body.userId).toMatch(/^us-/);
    });
  });

  describe('POST /auth/credentials/init', () => {
    it('should issue a Dfns Fido2 challenge', async () => {
      const { call } = setupBackend({ rpName: 'Test RP' });
      const me = (await call('GET', '/auth/users/me')).body;
      const { body } = await call('POST', '/auth/credentials/init', { kind: 'Fido2' });
      expect(body).toEqual({
        kind: 'Fido2',
        user: { id: me.userId, name: 'demo@credkit.dev', displayName: 'Demo User' },
        challengeIdentifier: expect.any(String),
        challenge: expect.stringMatching(/^[0-9a-f]{64}$/),
        rp: { id: 'localhost', name: 'Test RP' },
        authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
        attestation: 'none',
        pubKeyCredParams: [
          { type: 'public-key', alg: -7 },
          { type: 'public-key', alg: -257 },
          { type: 'public-key', alg: -8 },
        ],
        excludeCredentials: [],
        temporaryAuthenticationToken: body.challengeIdentifier,
      });
      const again = await init(call);
      expect(again.challenge).not.toBe(body.challenge);
      expect(again.challengeIdentifier).not.toBe(body.challengeIdentifier);
    });

    it("should exclude the user's existing credentials", async () => {
      const { call } = setupBackend();
      const created = await call('POST', '/auth/credentials', await registration(call));
      expect((await init(call)).excludeCredentials).toEqual([{ type: 'public-key', id: created.body.credentialId }]);
    });

    it('should refuse a missing, unknown or not-yet-supported kind with 400', async () => {
      const { call } = setupBackend();
      expectDfnsError(await call('POST', '/auth/credentials/init', {}), 400, /kind is required/);
      expectDfnsError(await call('POST', '/auth/credentials/init', { kind: 'Magic' }), 400, /kind must be one of/);
      expectDfnsError(await call('POST', '/auth/credentials/init', { kind: 'Totp' }), 400, /Totp cannot be registered/);
    });
  });

  describe('POST /auth/credentials', () => {
    it('should verify and store a registration, answering the nine CreateCredentialResponse fields', async () => {
      const { call } = setupBackend();
      const body = await registration(call);
      const created = await call('POST', '/auth/credentials', body);
      expect(created.status).toBe(200);
      expect(Object.keys(created.body).sort()).toEqual(CREATE_CREDENTIAL_RESPONSE_KEYS);
      expect(created.body).toMatchObject({
        kind: 'Fido2',
        credentialId: body.credentialInfo.credId,
        isActive: true,
        name: 'Software key',
        relyingPartyId: 'localhost',
        origin: ORIGIN,
      });
      expect(created.body.credentialUuid).toMatch(/^cr-[0-9a-z]{5}-[0-9a-z]{5}-[0-9a-z]{16}$/);
      expect(new Date(created.body.dateCreated).toISOString()).toBe(created.body.dateCreated);
      const key = createPublicKey(created.body.publicKey);
      expect(key.asymmetricKeyType).toBe('ec');
      expect(key.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');

      const list = await call('GET', '/auth/credentials');
      expect(list.body).toEqual({ items: [created.body] });
    });

    it('should refuse a replayed challengeIdentifier', async () => {
      const { call } = setupBackend();
      const body = await registration(call);
      expect((await call('POST', '/auth/credentials', body)).status).toBe(200);
      expectDfnsError(await call('POST', '/auth/credentials', body), 400, /already used/);
    });

    it('should spend the challenge on a failed attempt too', async () => {
      const { call } = setupBackend();
      const body = await registration(call, { origin: 'https://evil.example' });
      expectDfnsError(await call('POST', '/auth/credentials', body), 400, /origin/);
      expectDfnsError(await call('POST', '/auth/credentials', body), 400, /already used/);
    });

    it('should refuse an expired challenge', async () => {
      let now = Date.parse('2026-11-24T12:00:00Z');
      const { call } = setupBackend({ now: () => now, challengeTtlMs: 60_000 });
      const body = await registration(call);
      now += 60_001;
      expectDfnsError(await call('POST', '/auth/credentials', body), 400, /expired/);
    });

    it('should refuse an unknown challengeIdentifier', async () => {
      const { call } = setupBackend();
      const body = await registration(call);
      expectDfnsError(
        await call('POST', '/auth/credentials', { ...body, challengeIdentifier: 'made-up' }),
        400,
        /unknown/,
      );
    });

    it('should refuse a foreign origin, naming it', async () => {
      const { call } = setupBackend();
      expectDfnsError(
        await call('POST', '/auth/credentials', await registration(call, { origin: 'https://evil.example' })),
        400,
        /origin https:\/\/evil\.example is not allowed/,
      );
    });

    it('should refuse a credential made for another RP id', async () => {
      const { call } = setupBackend();
      expectDfnsError(
        await call('POST', '/auth/credentials', await registration(call, { rpId: 'evil.example' })),
        400,
        /RP ID/i,
      );
    });

    it('should refuse clientData of type webauthn.get', async () => {
      const { call } = setupBackend();
      expectDfnsError(
        await call('POST', '/auth/credentials', await registration(call, { type: 'webauthn.get' })),
        400,
        /webauthn\.get/,
      );
    });

    it('should refuse a signature over another challenge', async () => {
      const { call } = setupBackend();
      const body = await registration(call);
      const other = await init(call);
      expectDfnsError(
        await call('POST', '/auth/credentials', { ...body, challengeIdentifier: other.challengeIdentifier }),
        400,
        /challenge/i,
      );
    });

    it('should refuse a registration without user verification when it was required', async () => {
      const { call } = setupBackend();
      expectDfnsError(
        await call('POST', '/auth/credentials', await registration(call, { userVerification: false })),
        400,
        /user.*verif/i,
      );
    });

    it("should refuse the Dfns reference page's Fido2 example (bare authenticatorData), saying why", async () => {
      const { call } = setupBackend();
      const { challengeIdentifier } = await init(call);
      expectDfnsError(
        await call('POST', '/auth/credentials', {
          challengeIdentifier,
          credentialName: 'My Credential',
          credentialKind: 'Fido2',
          credentialInfo: SEED_FIDO2_INFO,
        }),
        400,
        /not a CBOR attestationObject.*37 bytes.*bare authenticatorData/,
      );
    });

    it('should refuse a credId that is not the attested credential id', async () => {
      const { call } = setupBackend();
      const body = await registration(call);
      body.credentialInfo.credId = SEED_FIDO2_INFO.credId;
      expectDfnsError(await call('POST', '/auth/credentials', body), 400, /not the attested credential id/);
    });

    it('should refuse a credential id the user already has with 409', async () => {
      const { call } = setupBackend();
      const first = await registration(call);
      expect((await call('POST', '/auth/credentials', first)).status).toBe(200);
      // A client that ignores excludeCredentials re-registers the same credential id under a fresh challenge.
      const second = await registration(call, { credentialId: first.credentialInfo.credId });
      expectDfnsError(await call('POST', '/auth/credentials', second), 409, /is already registered/);
      expect((await call('GET', '/auth/credentials')).body.items).toHaveLength(1);
    });

    it.each([
      ['credentialInfo.credId', { credId: 'abc+/=' }, /credentialInfo\.credId is not base64url/],
      ['credentialInfo.clientData', { clientData: 'a b' }, /credentialInfo\.clientData is not base64url/],
      ['credentialInfo.attestationData', { attestationData: 42 }, /credentialInfo\.attestationData is required/],
    ])('should refuse a bad %s, naming it', async (_field, patch, message) => {
      const { call } = setupBackend();
      const body = await registration(call);
      expectDfnsError(
        await call('POST', '/auth/credentials', { ...body, credentialInfo: { ...body.credentialInfo, ...patch } }),
        400,
        message,
      );
    });

    it.each([
      ['challengeIdentifier', /challengeIdentifier is required/],
      ['credentialName', /credentialName is required/],
      ['credentialKind', /credentialKind is required/],
      ['credentialInfo', /credentialInfo is required \(an object\)/],
    ])('should refuse a body without %s, naming it', async (field, message) => {
      const { call } = setupBackend();
      const body: Record<string, unknown> = await registration(call);
      delete body[field];
      expectDfnsError(await call('POST', '/auth/credentials', body), 400, message);
    });

    it.each([
      ['not JSON', '{"credentialKind":', /not valid JSON/],
      ['empty', '', /empty/],
      ['an array', '[]', /must be a JSON object, got an array/],
      ['null', 'null', /got null/],
      ['a string', '"hello"', /got a string/],
    ])('should refuse a body that is %s with 400', async (_what, raw, message) => {
      const { call } = setupBackend();
      expectDfnsError(await call('POST', '/auth/credentials', raw), 400, message);
    });

    it("should refuse a kind that is not the challenge's, or that cannot be registered", async () => {
      const { call } = setupBackend();
      expectDfnsError(
        await call('POST', '/auth/credentials', { ...(await registration(call)), credentialKind: 'Key' }),
        400,
        /credentialKind Key does not match the challenge's kind Fido2/,
      );
      expectDfnsError(
        await call('POST', '/auth/credentials', { ...(await registration(call)), credentialKind: 'Password' }),
        400,
        /Password cannot be registered/,
      );
    });
  });

  it('should answer unknown routes with a Dfns-shaped 404', async () => {
    const { call } = setupBackend();
    expectDfnsError(await call('GET', '/auth/nothing-here'), 404, /Route not found: GET \/auth\/nothing-here/);
    expectDfnsError(await call('DELETE', '/auth/credentials'), 404, /Route not found/);
  });
});
