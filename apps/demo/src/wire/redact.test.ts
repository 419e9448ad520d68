import { describe, expect, it } from 'vitest';
import { isSecretKey, REDACTED, redactBody, redactHeaders, redactJson, redactPath } from './redact.ts';

describe('redactHeaders', () => {
  it('should replace the bearer token but keep its scheme', () => {
    const headers = new Headers({
      Authorization: 'Bearer eyJhbGciOiJFUzI1NiJ9.secret.sig',
      Accept: 'application/json',
    });
    expect(redactHeaders(headers)).toEqual([
      ['accept', 'application/json'],
      ['authorization', `Bearer ${REDACTED}`],
    ]);
  });

  it('should replace the user-action token and cookies whole', () => {
    const headers = new Headers({ 'X-DFNS-USERACTION': 'ua-token-123', Cookie: 'session=abc' });
    const shown = Object.fromEntries(redactHeaders(headers));
    expect(shown).toEqual({ cookie: REDACTED, 'x-dfns-useraction': REDACTED });
    expect(JSON.stringify(shown)).not.toMatch(/ua-token-123|abc/);
  });
});

describe('redactJson', () => {
  it('should replace tokens, codes, passwords and encrypted keys at any depth', () => {
    const body = {
      username: 'ada@example.com',
      registrationCode: '000000',
      temporaryAuthenticationToken: 'tmp-token',
      authentication: { token: 'session-token' },
      userAction: 'ua-token',
      recovery: { kind: 'RecoveryKey', verificationCode: '1234-5678' },
      newCredentials: {
        recoveryCredential: [
          { credentialKind: 'RecoveryKey', credentialInfo: { credId: 'rk-1', encryptedPrivateKey: 'wrapped' } },
        ],
      },
      code: 'ABCD-EFGH',
      loginCode: 'code',
      password: 'hunter2',
      otpUrl: 'otpauth://totp/x?secret=S',
    };
    expect(redactJson(body)).toEqual({
      username: 'ada@example.com',
      registrationCode: REDACTED,
      temporaryAuthenticationToken: REDACTED,
      authentication: { token: REDACTED },
      userAction: REDACTED,
      recovery: { kind: 'RecoveryKey', verificationCode: REDACTED },
      newCredentials: {
        recoveryCredential: [
          { credentialKind: 'RecoveryKey', credentialInfo: { credId: 'rk-1', encryptedPrivateKey: REDACTED } },
        ],
      },
      code: REDACTED,
      loginCode: REDACTED,
      password: REDACTED,
      otpUrl: REDACTED,
    });
  });

  it('should keep the protocol: the challenge, credential ids, the user action’s method, path and payload', () => {
    const body = {
      challenge: 'Y2hhbGxlbmdl',
      challengeIdentifier: 'ci-1',
      userActionHttpMethod: 'POST',
      userActionHttpPath: '/auth/credentials',
      userActionPayload: JSON.stringify({ credentialKind: 'Fido2', credentialInfo: { credId: 'c-1' } }),
    };
    expect(redactJson(body)).toEqual(body);
  });

  it('should redact inside a payload that is a JSON string, and keep it a string', () => {
    const payload = JSON.stringify({ credentialKind: 'PasswordProtectedKey', encryptedPrivateKey: 'wrapped-key' });
    const shown = redactJson({ userActionPayload: payload }) as { userActionPayload: string };
    expect(JSON.parse(shown.userActionPayload)).toEqual({
      credentialKind: 'PasswordProtectedKey',
      encryptedPrivateKey: REDACTED,
    });
  });

  it('should leave empty secrets as they are (nothing to hide, and the absence is protocol)', () => {
    expect(redactJson({ token: '', code: null })).toEqual({ token: '', code: null });
  });

  it('should name secret keys, and not the names of ordinary fields', () => {
    for (const key of ['token', 'userAction', 'encryptedRecoveryKey', 'privateKey', 'recoveryCode', 'codes']) {
      expect(isSecretKey(key), key).toBe(true);
    }
    for (const key of ['challenge', 'credId', 'credentialKind', 'userActionPayload', 'username', 'clientData']) {
      expect(isSecretKey(key), key).toBe(false);
    }
  });
});

describe('redactBody', () => {
  it('should parse and redact JSON, and show nothing of another body but its size', () => {
    expect(redactBody('{"token":"t","ok":true}')).toEqual({ kind: 'json', value: { token: REDACTED, ok: true } });
    expect(redactBody('token=abc')).toEqual({ kind: 'opaque', bytes: 9 });
    expect(redactBody('')).toEqual({ kind: 'none' });
    expect(redactBody(undefined)).toEqual({ kind: 'none' });
  });
});

describe('redactPath', () => {
  it('should replace the values of secret query parameters only', () => {
    expect(redactPath('/mock/login-codes?username=a%40b.c&code=XYZ')).toBe(
      `/mock/login-codes?username=a%40b.c&code=${REDACTED}`,
    );
    expect(redactPath('/auth/credentials')).toBe('/auth/credentials');
  });
});
