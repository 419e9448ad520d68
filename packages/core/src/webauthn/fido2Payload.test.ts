import { describe, expect, it } from 'vitest';
import { CredkitError } from '../errors/credkitError.ts';
import { toFido2CredentialInfo } from './fido2Payload.ts';

const buffer = (...values: number[]) => new Uint8Array(values).buffer;

describe('toFido2CredentialInfo', () => {
  it('should base64url-encode rawId, clientDataJSON and the whole attestationObject', () => {
    const clientDataJSON = new TextEncoder().encode('{"type":"webauthn.create"}').buffer;
    const info = toFido2CredentialInfo({
      id: 'ignored',
      rawId: buffer(0xfb, 0xff, 0xbf, 0x01),
      response: { clientDataJSON, attestationObject: buffer(0xa3, 0x63, 0x66, 0x6d, 0x74) },
    });
    expect(info).toEqual({
      credId: '-_-_AQ',
      clientData: 'eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIn0',
      attestationData: 'o2NmbXQ',
    });
  });

  it('should refuse null and an assertion (no attestationObject) with a CredkitError', () => {
    for (const value of [null, { rawId: buffer(1), response: { clientDataJSON: buffer(1) } }]) {
      expect(() => toFido2CredentialInfo(value)).toThrow(CredkitError);
    }
  });
});

describe('toFido2CredentialInfo with toJSON()', () => {
  const rawId = buffer(0xfb, 0xff, 0xbf, 0x01);
  const clientDataJSON = buffer(0x7b, 0x7d);
  const attestationObject = buffer(0xa3, 0x63);
  const manual = { credId: '-_-_AQ', clientData: 'e30', attestationData: 'o2M' };

  it("should use the credential's own toJSON() when it answers with base64url members", () => {
    const info = toFido2CredentialInfo({
      rawId,
      response: { clientDataJSON, attestationObject },
      toJSON: () => ({ id: 'x', rawId: 'AAAA', response: { clientDataJSON: 'BBBB', attestationObject: 'CCCC' } }),
    });
    expect(info).toEqual({ credId: 'AAAA', clientData: 'BBBB', attestationData: 'CCCC' });
  });

  it.each([
    [
      'toJSON() throws (getPublicKey() broken by an extension)',
      () => {
        throw new DOMException('broken', 'NotSupportedError');
      },
    ],
    ['toJSON() answers nothing', () => undefined],
    ['toJSON() lacks the attestationObject', () => ({ rawId: 'AAAA', response: { clientDataJSON: 'BBBB' } })],
    [
      'toJSON() answers standard base64',
      () => ({ rawId: '+/+/AQ==', response: { clientDataJSON: 'e30=', attestationObject: 'o2M=' } }),
    ],
    ['toJSON is not a function', 'not a function'],
  ])('should encode the ArrayBuffers itself when %s', (_, toJSON) => {
    const info = toFido2CredentialInfo({ rawId, response: { clientDataJSON, attestationObject }, toJSON });
    expect(info).toEqual(manual);
  });
});
