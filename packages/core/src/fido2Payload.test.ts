import { describe, expect, it } from 'vitest';
import { CredkitError } from './credkitError.ts';
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
