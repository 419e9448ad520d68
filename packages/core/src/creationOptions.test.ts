import { describe, expect, it } from 'vitest';
import { fromBase64url } from './base64url.ts';
import { DEFAULT_CEREMONY_TIMEOUT_MS, toCreationOptions } from './creationOptions.ts';
import { fido2ChallengeFixture } from './testFixtures.ts';

const bytes = (value: BufferSource | undefined) =>
  value instanceof ArrayBuffer ? [...new Uint8Array(value)] : [...new Uint8Array((value as ArrayBufferView).buffer)];

describe('toCreationOptions', () => {
  const challenge = fido2ChallengeFixture();
  const options = toCreationOptions(challenge, { rp: { id: 'localhost', name: 'credkit' } });

  it('should use the UTF-8 bytes of the challenge string, not its base64url decoding', () => {
    expect(bytes(options.challenge)).toEqual([...Buffer.from(challenge.challenge, 'utf8')]);
    expect(bytes(options.challenge)).toHaveLength(64);
  });

  it('should use the UTF-8 bytes of user.id and pass name and displayName through', () => {
    expect(bytes(options.user.id)).toEqual([...Buffer.from('us-2ba0h-5gm9s-9lqqv3mcj4r2a1hn', 'utf8')]);
    expect(options.user.name).toBe('ada@example.com');
    expect(options.user.displayName).toBe('Ada Lovelace');
  });

  it('should base64url-decode the excluded credential ids', () => {
    const [excluded] = options.excludeCredentials ?? [];
    expect(excluded?.type).toBe('public-key');
    expect(bytes(excluded?.id)).toEqual([...fromBase64url('c1QEdgnPLJargwzy3cbYKny4Q18u0hr97unXsF3DiE8')]);
    expect(bytes(excluded?.id)).toHaveLength(32);
  });

  it('should pass pubKeyCredParams, attestation and authenticatorSelection through', () => {
    expect(options.pubKeyCredParams).toEqual(challenge.pubKeyCredParams);
    expect(options.attestation).toBe('direct');
    expect(options.authenticatorSelection).toEqual(challenge.authenticatorSelection);
  });

  it("should take rp and timeout from the caller, not from the challenge's deprecated rp", () => {
    expect(options.rp).toEqual({ id: 'localhost', name: 'credkit' });
    expect(options.timeout).toBe(DEFAULT_CEREMONY_TIMEOUT_MS);
    expect(DEFAULT_CEREMONY_TIMEOUT_MS).toBe(60_000);
    const custom = toCreationOptions(challenge, { rp: { name: 'credkit' }, timeout: 5000 });
    expect(custom.timeout).toBe(5000);
    expect(custom.rp).toEqual({ name: 'credkit' });
    expect(custom.rp).not.toHaveProperty('id');
  });
});
