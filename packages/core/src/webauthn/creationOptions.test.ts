import { describe, expect, it } from 'vitest';
import type { Fido2CredentialChallenge } from '../dfns/dfnsTypes.ts';
import { fromBase64url } from '../encoding/base64url.ts';
import { fido2ChallengeFixture } from '../testFixtures.ts';
import {
  creationOptionsFromJSON,
  DEFAULT_CEREMONY_TIMEOUT_MS,
  parseCreationOptions,
  toCreationOptions,
  toCreationOptionsJSON,
} from './creationOptions.ts';
import { nativeCreationOptionsParser } from './webAuthnSupport.ts';

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

describe('toCreationOptionsJSON', () => {
  const rp = { id: 'localhost', name: 'credkit' };

  it('should give base64url of the UTF-8 bytes for challenge and user.id, and drop Dfns-only members', () => {
    const challenge = fido2ChallengeFixture();
    const json = toCreationOptionsJSON(challenge, { rp });
    expect(json.challenge).toBe(Buffer.from(challenge.challenge, 'utf8').toString('base64url'));
    expect(json.user.id).toBe(Buffer.from('us-2ba0h-5gm9s-9lqqv3mcj4r2a1hn', 'utf8').toString('base64url'));
    expect(json.excludeCredentials).toEqual([
      { type: 'public-key', id: 'c1QEdgnPLJargwzy3cbYKny4Q18u0hr97unXsF3DiE8' },
    ]);
    for (const member of ['kind', 'challengeIdentifier', 'temporaryAuthenticationToken']) {
      expect(json).not.toHaveProperty(member);
    }
    expect(json.rp).toEqual(rp);
  });

  it('should keep members it does not know: extensions, hints, future ones', () => {
    const challenge = {
      ...fido2ChallengeFixture(),
      extensions: { credProps: true },
      hints: ['security-key'],
      futureOption: { x: 1 },
    } as Fido2CredentialChallenge;
    const json = toCreationOptionsJSON(challenge, { rp }) as PublicKeyCredentialCreationOptionsJSON &
      Record<string, unknown>;
    expect(json.extensions).toEqual({ credProps: true });
    expect(json.hints).toEqual(['security-key']);
    expect(json.futureOption).toEqual({ x: 1 });
    const options = creationOptionsFromJSON(json) as PublicKeyCredentialCreationOptions & Record<string, unknown>;
    expect(options.extensions).toEqual({ credProps: true });
    expect(options.hints).toEqual(['security-key']);
    expect(options.futureOption).toEqual({ x: 1 });
  });

  it('should send at most the last 64 excluded credentials (Chromium refuses more)', () => {
    const ids = Array.from({ length: 70 }, (_, index) => Buffer.from([index]).toString('base64url'));
    const many = fido2ChallengeFixture({ excludeCredentials: ids.map((id) => ({ type: 'public-key', id })) });
    const sent = toCreationOptionsJSON(many, { rp }).excludeCredentials ?? [];
    expect(sent).toHaveLength(64);
    expect(sent.map((descriptor) => descriptor.id)).toEqual(ids.slice(6));
  });

  it('should drop padding from excluded ids and refuse ids outside the base64url alphabet', () => {
    const padded = fido2ChallengeFixture({ excludeCredentials: [{ type: 'public-key', id: 'AQI=' }] });
    expect(toCreationOptionsJSON(padded, { rp }).excludeCredentials).toEqual([{ type: 'public-key', id: 'AQI' }]);
    const broken = fido2ChallengeFixture({ excludeCredentials: [{ type: 'public-key', id: 'a+b/' }] });
    expect(() => toCreationOptionsJSON(broken, { rp })).toThrow(TypeError);
  });

  it.each([
    ['this-device', ['client-device'], 'platform'],
    ['security-key', ['security-key'], 'cross-platform'],
    ['phone', ['hybrid'], 'cross-platform'],
  ] as const)('should steer %s with hints %j and the legacy attachment %s', (choice, hints, attachment) => {
    const json = toCreationOptionsJSON(fido2ChallengeFixture(), { rp, authenticator: choice });
    expect(json.hints).toEqual(hints);
    expect(json.authenticatorSelection).toEqual({
      residentKey: 'required',
      requireResidentKey: true,
      userVerification: 'required',
      authenticatorAttachment: attachment,
    });
  });

  it('should send no hints and leave the attachment alone without a choice', () => {
    const json = toCreationOptionsJSON(fido2ChallengeFixture(), { rp });
    expect(json).not.toHaveProperty('hints');
    expect(json.authenticatorSelection).not.toHaveProperty('authenticatorAttachment');
  });
});

describe('parseCreationOptions', () => {
  const json = toCreationOptionsJSON(fido2ChallengeFixture(), { rp: { id: 'localhost', name: 'credkit' } });

  it("should use the browser's parser when there is one", () => {
    const parsed = { challenge: new Uint8Array([1]) } as unknown as PublicKeyCredentialCreationOptions;
    const seen: unknown[] = [];
    const result = parseCreationOptions(json, (input) => {
      seen.push(input);
      return parsed;
    });
    expect(result).toBe(parsed);
    expect(seen).toEqual([json]);
  });

  it('should fall back to the manual path, with the same bytes, when the parser throws', () => {
    const result = parseCreationOptions(json, () => {
      throw new TypeError('broken by an extension');
    });
    expect(bytes(result.challenge)).toEqual([...Buffer.from(fido2ChallengeFixture().challenge, 'utf8')]);
    expect(result).toEqual(creationOptionsFromJSON(json));
  });

  it('should decode manually where there is no PublicKeyCredential (Node)', () => {
    expect(nativeCreationOptionsParser()).toBeUndefined();
    expect(toCreationOptions(fido2ChallengeFixture(), { rp: { name: 'credkit' } })).toEqual(
      creationOptionsFromJSON(toCreationOptionsJSON(fido2ChallengeFixture(), { rp: { name: 'credkit' } })),
    );
  });
});
