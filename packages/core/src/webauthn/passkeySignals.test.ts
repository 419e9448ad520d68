import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CreateCredentialResponse } from '../dfns/dfnsTypes.ts';
import { toBase64url, utf8 } from '../encoding/base64url.ts';
import {
  acceptedPasskeyIds,
  signalAcceptedPasskeyIds,
  signalAcceptedPasskeys,
  signalCurrentUser,
  signalUnknownPasskey,
  toUserHandle,
  userFromToken,
} from './passkeySignals.ts';

/** A browser whose PublicKeyCredential has the whole Signal API; returns the mocks. */
function browserWithSignalApi() {
  const api = {
    signalUnknownCredential: vi.fn(async (_options: unknown) => undefined),
    signalAllAcceptedCredentials: vi.fn(async (_options: unknown) => undefined),
    signalCurrentUserDetails: vi.fn(async (_options: unknown) => undefined),
  };
  vi.stubGlobal('PublicKeyCredential', api);
  return api;
}

function credential(overrides: Partial<CreateCredentialResponse>): CreateCredentialResponse {
  return {
    kind: 'Fido2',
    credentialId: 'AQID',
    credentialUuid: 'cr-1',
    dateCreated: '2026-01-01T00:00:00Z',
    isActive: true,
    name: 'Passkey',
    publicKey: 'pk',
    relyingPartyId: 'example.com',
    origin: 'https://example.com',
    ...overrides,
  };
}

const LIST = [
  credential({ credentialId: 'active-1', credentialUuid: 'cr-1' }),
  credential({ credentialId: 'off', credentialUuid: 'cr-2', isActive: false }),
  credential({ credentialId: 'active-2', credentialUuid: 'cr-3' }),
  credential({ credentialId: 'key', credentialUuid: 'cr-4', kind: 'Key' }),
  credential({ credentialId: 'recovery', credentialUuid: 'cr-5', kind: 'RecoveryKey' }),
  credential({ credentialId: 'other-site', credentialUuid: 'cr-6', relyingPartyId: 'other.example' }),
];

function jwt(claims: unknown): string {
  return `${toBase64url(utf8('{"alg":"HS256"}'))}.${toBase64url(utf8(JSON.stringify(claims)))}.sig`;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('acceptedPasskeyIds', () => {
  it('should keep the active Fido2 credentials of the relying party, in list order', () => {
    expect(acceptedPasskeyIds(LIST, 'example.com')).toEqual(['active-1', 'active-2']);
  });

  it('should give an empty list when every passkey of the relying party is deactivated', () => {
    const list = [credential({ isActive: false }), credential({ kind: 'Key', credentialId: 'key' })];
    expect(acceptedPasskeyIds(list, 'example.com')).toEqual([]);
  });

  it('should give nothing when the list has no passkey of the relying party (never a wipe)', () => {
    expect(acceptedPasskeyIds(LIST, 'unrelated.example')).toBeUndefined();
    expect(acceptedPasskeyIds([credential({ kind: 'Key' })], 'example.com')).toBeUndefined();
    expect(acceptedPasskeyIds([], 'example.com')).toBeUndefined();
  });
});

describe('signalAcceptedPasskeys', () => {
  it('should signal the active passkeys with the user handle of the registration challenge', async () => {
    const api = browserWithSignalApi();
    await expect(signalAcceptedPasskeys(LIST, { id: 'us-123', rpId: 'example.com' })).resolves.toBe(true);
    expect(api.signalAllAcceptedCredentials.mock.calls).toEqual([
      [
        {
          rpId: 'example.com',
          userId: toBase64url(utf8('us-123')),
          allAcceptedCredentialIds: ['active-1', 'active-2'],
        },
      ],
    ]);
  });

  it("should use the page's host name when no rpId is given", async () => {
    const api = browserWithSignalApi();
    vi.stubGlobal('location', { hostname: 'other.example' });
    await signalAcceptedPasskeys(LIST, { id: 'us-123' });
    expect(api.signalAllAcceptedCredentials.mock.calls).toEqual([
      [{ rpId: 'other.example', userId: toUserHandle('us-123'), allAcceptedCredentialIds: ['other-site'] }],
    ]);
  });

  it('should not signal a list without a passkey of the relying party', async () => {
    const api = browserWithSignalApi();
    await expect(signalAcceptedPasskeys(LIST, { id: 'us-123', rpId: 'unrelated.example' })).resolves.toBe(false);
    expect(api.signalAllAcceptedCredentials).not.toHaveBeenCalled();
  });

  it('should resolve false, never reject, where the browser lacks the method or refuses the signal', async () => {
    vi.stubGlobal('PublicKeyCredential', {});
    await expect(signalAcceptedPasskeys(LIST, { id: 'us-123', rpId: 'example.com' })).resolves.toBe(false);
    vi.stubGlobal('PublicKeyCredential', undefined);
    await expect(signalAcceptedPasskeys(LIST, { id: 'us-123', rpId: 'example.com' })).resolves.toBe(false);
    const refused = vi.fn(async () => {
      throw new DOMException('The relying party ID is not a registrable domain suffix.', 'SecurityError');
    });
    vi.stubGlobal('PublicKeyCredential', { signalAllAcceptedCredentials: refused });
    await expect(signalAcceptedPasskeys(LIST, { id: 'us-123', rpId: 'example.com' })).resolves.toBe(false);
    expect(refused).toHaveBeenCalledTimes(1);
  });
});

describe('signalAcceptedPasskeyIds', () => {
  it('should signal exactly the given ids, even none', async () => {
    const api = browserWithSignalApi();
    await signalAcceptedPasskeyIds(['new'], { id: 'us-1', rpId: 'example.com' });
    await signalAcceptedPasskeyIds([], { id: 'us-1', rpId: 'example.com' });
    expect(api.signalAllAcceptedCredentials.mock.calls).toEqual([
      [{ rpId: 'example.com', userId: toUserHandle('us-1'), allAcceptedCredentialIds: ['new'] }],
      [{ rpId: 'example.com', userId: toUserHandle('us-1'), allAcceptedCredentialIds: [] }],
    ]);
  });
});

describe('signalCurrentUser', () => {
  it('should signal the name, and the name as display name when none is given', async () => {
    const api = browserWithSignalApi();
    await signalCurrentUser({ id: 'us-1', name: 'ada@example.com', displayName: 'Ada', rpId: 'example.com' });
    await signalCurrentUser({ id: 'us-1', name: 'ada@example.com', rpId: 'example.com' });
    expect(api.signalCurrentUserDetails.mock.calls).toEqual([
      [{ rpId: 'example.com', userId: toUserHandle('us-1'), name: 'ada@example.com', displayName: 'Ada' }],
      [{ rpId: 'example.com', userId: toUserHandle('us-1'), name: 'ada@example.com', displayName: 'ada@example.com' }],
    ]);
  });

  it('should do nothing where unsupported', async () => {
    vi.stubGlobal('PublicKeyCredential', { signalUnknownCredential: vi.fn() });
    await expect(signalCurrentUser({ id: 'us-1', name: 'ada', rpId: 'example.com' })).resolves.toBe(false);
  });
});

describe('signalUnknownPasskey', () => {
  it('should signal the credential id as given', () => {
    const api = browserWithSignalApi();
    signalUnknownPasskey('example.com', 'AQID');
    expect(api.signalUnknownCredential.mock.calls).toEqual([[{ rpId: 'example.com', credentialId: 'AQID' }]]);
  });
});

describe('toUserHandle', () => {
  it('should be base64url of the UTF-8 bytes of the Dfns user id', () => {
    // "us-1" = 75 73 2d 31
    expect(toUserHandle('us-1')).toBe('dXMtMQ');
  });
});

describe('userFromToken', () => {
  it("should read a Dfns token's user id and username claims", () => {
    const token = jwt({
      'https://custom/username': 'ada@example.com',
      'https://custom/app_metadata': { userId: 'us-1', orgId: 'or-1', tokenKind: 'Credential' },
    });
    expect(userFromToken(token)).toEqual({ id: 'us-1', username: 'ada@example.com' });
    expect(userFromToken(jwt({ 'https://custom/app_metadata': { userId: 'us-2' } }))).toEqual({ id: 'us-2' });
  });

  it('should give nothing for a token that names no user', () => {
    expect(userFromToken('opaque-token')).toBeUndefined();
    expect(userFromToken('a.%%%.c')).toBeUndefined();
    expect(userFromToken(jwt({ sub: 'us-1' }))).toBeUndefined();
    expect(userFromToken(jwt([1, 2]))).toBeUndefined();
    expect(userFromToken(jwt({ 'https://custom/app_metadata': { userId: 42 } }))).toBeUndefined();
  });
});
