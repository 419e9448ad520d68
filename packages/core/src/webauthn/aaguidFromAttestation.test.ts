import { describe, expect, it } from 'vitest';
import { toBase64url } from '../encoding/base64url.ts';
import { aaguidFromAttestation } from './aaguidFromAttestation.ts';

const GOOGLE = [0xea, 0x9b, 0x8d, 0x66, 0x4d, 0x01, 0x1d, 0x21, 0x3c, 0xe4, 0xb6, 0xb4, 0x8c, 0xb5, 0x75, 0xd4];
const text = (value: string) => [0x60 + value.length, ...new TextEncoder().encode(value)];

/** authData: rpIdHash (32 × 0x11), flags, signCount, AAGUID, credential id length 1, id, a stand-in key. */
function authData(flags: number, aaguid: number[]): number[] {
  return [...Array(32).fill(0x11), flags, 0, 0, 0, 0, ...aaguid, 0x00, 0x01, 0x7f, 0xa0];
}

/** An attestationObject with its members in the given order (browsers differ), base64url. */
function attestationObject(members: number[][]): string {
  return toBase64url(new Uint8Array([0xa0 + members.length, ...members.flat()]));
}

const authDataMember = (bytes: number[]) => [...text('authData'), 0x58, bytes.length, ...bytes];
const fmtNone = [...text('fmt'), ...text('none')];
const emptyAttStmt = [...text('attStmt'), 0xa0];

describe('aaguidFromAttestation', () => {
  it('should read the AAGUID of a "none" attestation as a lowercase UUID', () => {
    const data = attestationObject([fmtNone, emptyAttStmt, authDataMember(authData(0x45, GOOGLE))]);
    expect(aaguidFromAttestation(data)).toBe('ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4');
  });

  it('should skip a packed attStmt before authData (a signature and a certificate array)', () => {
    const attStmt = [
      ...text('attStmt'),
      0xa3,
      ...text('alg'),
      0x26, // -7
      ...text('sig'),
      0x58,
      3,
      1,
      2,
      3,
      ...text('x5c'),
      0x81,
      0x59,
      0x00,
      2,
      9,
      9,
    ];
    const data = attestationObject([
      [...text('fmt'), ...text('packed')],
      attStmt,
      authDataMember(authData(0x45, GOOGLE)),
    ]);
    expect(aaguidFromAttestation(data)).toBe('ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4');
  });

  it('should give undefined for an all-zero AAGUID', () => {
    const data = attestationObject([fmtNone, emptyAttStmt, authDataMember(authData(0x45, Array(16).fill(0)))]);
    expect(aaguidFromAttestation(data)).toBeUndefined();
  });

  it('should give undefined without attested credential data (flag AT unset)', () => {
    const data = attestationObject([fmtNone, emptyAttStmt, authDataMember(authData(0x05, GOOGLE))]);
    expect(aaguidFromAttestation(data)).toBeUndefined();
  });

  it('should give undefined for bytes that are not an attestationObject', () => {
    expect(aaguidFromAttestation(toBase64url(new TextEncoder().encode('cbor')))).toBeUndefined();
    expect(aaguidFromAttestation('not base64url!')).toBeUndefined();
    expect(aaguidFromAttestation(attestationObject([fmtNone, [...text('authData'), 0x58, 40]]))).toBeUndefined();
  });
});
