// The tampering catalogue: each change to an otherwise valid, packed-attested registration is
// refused with a Dfns-shaped 4xx whose message names the problem.

import { MAX_NAME_LENGTH } from '@credkit/names';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from './app.ts';
import { type Call, expectDfnsError, registration, setupBackend } from './testHelpers.ts';

function flipBit(base64url: string, byteIndex: number, bit = 0): string {
  const bytes = Buffer.from(base64url, 'base64url');
  const index = byteIndex < 0 ? bytes.length + byteIndex : byteIndex;
  bytes[index] = (bytes[index] ?? 0) ^ (1 << bit);
  return bytes.toString('base64url');
}

/** Re-encodes an attestationObject after changing one of its parts. */
function editAttestation(
  attestationData: string,
  edit: (parts: { authData: Uint8Array; attStmt: Map<string, unknown> }) => void,
): string {
  const decoded = isoCBOR.decodeFirst<Map<string, unknown>>(Buffer.from(attestationData, 'base64url'));
  const parts = {
    authData: decoded.get('authData') as Uint8Array,
    attStmt: decoded.get('attStmt') as Map<string, unknown>,
  };
  edit(parts);
  decoded.set('authData', parts.authData);
  return Buffer.from(isoCBOR.encode(decoded as never)).toString('base64url');
}

async function packed(call: Call) {
  return registration(call, { attestation: 'packed' });
}

describe('the mock backend refuses tampered registrations', () => {
  it('should accept the untouched packed registration (the control)', async () => {
    const { call } = setupBackend();
    const created = await call('POST', '/auth/credentials', await packed(call));
    expect(created.status).toBe(200);
  });

  it('should refuse a flipped bit in clientData (the attestation signature covers its hash)', async () => {
    const { call } = setupBackend();
    const body = await packed(call);
    const json = Buffer.from(body.credentialInfo.clientData, 'base64url').toString();
    // "crossOrigin" → "crossOrigio": still valid JSON with the same checked fields, so only the signature can tell.
    const index = json.indexOf('crossOrigin') + 'crossOrigin'.length - 1;
    body.credentialInfo.clientData = flipBit(body.credentialInfo.clientData, index, 0);
    expect(Buffer.from(body.credentialInfo.clientData, 'base64url').toString()).toContain('"crossOrigio"');
    expectDfnsError(await call('POST', '/auth/credentials', body), 400, /signature/i);
  });

  it('should refuse a flipped bit in authData (the signature counter)', async () => {
    const { call } = setupBackend();
    const body = await packed(call);
    body.credentialInfo.attestationData = editAttestation(body.credentialInfo.attestationData, (parts) => {
      const authData = Buffer.from(parts.authData);
      authData[36] = (authData[36] ?? 0) ^ 1; // last byte of signCount
      parts.authData = authData;
    });
    expectDfnsError(await call('POST', '/auth/credentials', body), 400, /signature/i);
  });

  it('should refuse a flipped bit in the attestation signature', async () => {
    const { call } = setupBackend();
    const body = await packed(call);
    body.credentialInfo.attestationData = editAttestation(body.credentialInfo.attestationData, ({ attStmt }) => {
      const sig = Buffer.from(attStmt.get('sig') as Uint8Array);
      sig[sig.length - 1] = (sig[sig.length - 1] ?? 0) ^ 1;
      attStmt.set('sig', sig);
    });
    expectDfnsError(await call('POST', '/auth/credentials', body), 400, /signature/i);
  });

  it('should refuse a flipped bit in the RP id hash', async () => {
    const { call } = setupBackend();
    const body = await packed(call);
    body.credentialInfo.attestationData = editAttestation(body.credentialInfo.attestationData, (parts) => {
      const authData = Buffer.from(parts.authData);
      authData[0] = (authData[0] ?? 0) ^ 1;
      parts.authData = authData;
    });
    expectDfnsError(await call('POST', '/auth/credentials', body), 400, /RP ID/i);
  });

  it('should refuse a credential public key off its curve with a 400 (with fmt none, nothing signs it)', async () => {
    const { call } = setupBackend();
    const body = await registration(call);
    body.credentialInfo.attestationData = editAttestation(body.credentialInfo.attestationData, (parts) => {
      const authData = Buffer.from(parts.authData);
      authData[authData.length - 1] = (authData[authData.length - 1] ?? 0) ^ 1; // last byte of the COSE key's y
      parts.authData = authData;
    });
    expectDfnsError(await call('POST', '/auth/credentials', body), 400, /public key .*cannot be imported/);
  });

  it('should refuse a missing UV flag when verification was demanded', async () => {
    const { call } = setupBackend();
    expectDfnsError(
      await call(
        'POST',
        '/auth/credentials',
        await registration(call, { attestation: 'packed', userVerification: false }),
      ),
      400,
      /user.*verif/i,
    );
  });

  it('should refuse a body that is not declared as JSON with 415', async () => {
    const { call } = setupBackend();
    const body = await packed(call);
    expectDfnsError(
      await call('POST', '/auth/credentials', body, { 'Content-Type': 'text/plain' }),
      415,
      /Content-Type must be application\/json, got "text\/plain"/,
    );
    // The challenge was not touched: the same body, declared properly, goes through.
    expect((await call('POST', '/auth/credentials', body)).status).toBe(200);
  });

  it.each([
    'application/json; charset=utf-16',
    'application/json;charset="UTF-16LE"',
    'application/json; charset=iso-8859-1',
  ])('should refuse a body declared in a charset other than UTF-8 (%s) with 415', async (type) => {
    const { call } = setupBackend();
    const body = await packed(call);
    expectDfnsError(
      await call('POST', '/auth/credentials', body, { 'Content-Type': type }),
      415,
      /^Content-Type charset must be utf-8 \(JSON is UTF-8\), got "(utf-16|UTF-16LE|iso-8859-1)"$/,
    );
    expect((await call('POST', '/auth/credentials', body)).status).toBe(200);
  });

  it.each(['application/json; charset=utf-8', 'application/json;charset="UTF-8"', 'application/json; charset=utf8'])(
    'should accept a body declared in UTF-8 (%s)',
    async (type) => {
      const { call } = setupBackend();
      expect((await call('POST', '/auth/credentials', await packed(call), { 'Content-Type': type })).status).toBe(200);
    },
  );

  it('should refuse a body over 64 KiB with 413', async () => {
    const { call } = setupBackend();
    const body = await packed(call);
    const huge = { ...body, padding: 'x'.repeat(MAX_BODY_BYTES) };
    expectDfnsError(await call('POST', '/auth/credentials', huge), 413, /larger than 64 KiB/);
  });

  it('should refuse a blank or over-long credentialName', async () => {
    const { call } = setupBackend();
    expectDfnsError(
      await call('POST', '/auth/credentials', { ...(await packed(call)), credentialName: '   ' }),
      400,
      /credentialName must not be blank/,
    );
    expectDfnsError(
      await call('POST', '/auth/credentials', {
        ...(await packed(call)),
        credentialName: 'n'.repeat(MAX_NAME_LENGTH.credentialName + 1),
      }),
      400,
      /credentialName is too long \(257 characters, at most 256\)/,
    );
  });

  it.each([
    ['credentialName', 42, /credentialName is required \(a non-empty string\), got a number/],
    ['challengeIdentifier', { id: 1 }, /challengeIdentifier is required \(a non-empty string\), got an object/],
    ['credentialInfo', 'abc', /credentialInfo is required \(an object\), got a string/],
    ['credentialKind', null, /credentialKind is required \(a non-empty string\), got null/],
  ])('should refuse %s of the wrong type, naming it', async (field, value, message) => {
    const { call } = setupBackend();
    expectDfnsError(await call('POST', '/auth/credentials', { ...(await packed(call)), [field]: value }), 400, message);
  });

  it('should refuse every single-bit flip of a packed attestationObject', { timeout: 60_000 }, async () => {
    const { call } = setupBackend();
    const size = Buffer.from((await packed(call)).credentialInfo.attestationData, 'base64url').length;
    const accepted: string[] = [];
    for (let index = 0; index < size; index += 1) {
      for (let bit = 0; bit < 8; bit += 1) {
        const body = await packed(call);
        const bytes = Buffer.from(body.credentialInfo.attestationData, 'base64url');
        if (index >= bytes.length) continue;
        body.credentialInfo.attestationData = flipBit(body.credentialInfo.attestationData, index, bit);
        const response = await call('POST', '/auth/credentials', body);
        expect(response.status).toBeLessThan(500);
        if (response.status < 400) accepted.push(`byte ${index} bit ${bit}`);
      }
    }
    expect(accepted).toEqual([]);
  });
});
