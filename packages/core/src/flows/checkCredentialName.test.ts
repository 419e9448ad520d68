import { describe, expect, it } from 'vitest';
import { CredkitError, type CredkitErrorField } from '../errors/credkitError.ts';
import type { Fetcher } from '../http/fetcher.ts';
import { generateRecoveryCode } from '../keys/recoveryCode.ts';
import { credkitRejection } from '../testFixtures.ts';
import { checkCredentialName, checkPasskeyName } from './checkCredentialName.ts';
import { checkUsername } from './checkUsername.ts';
import { loginWithPasskey } from './loginWithPasskey.ts';
import { loginWithPasswordProtectedKey, sendLoginCode } from './loginWithPasswordProtectedKey.ts';
import { recoverAccount, sendRecoveryCode } from './recoverAccount.ts';
import { registerUser } from './registerUser.ts';

/** The message of the `invalid-input` error `check` throws, which names `field` as the one at fault. */
function invalidInput(check: () => unknown, field: CredkitErrorField): string {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(CredkitError);
    expect((error as CredkitError).code).toBe('invalid-input');
    expect((error as CredkitError).field).toBe(field);
    return (error as CredkitError).message;
  }
  throw new Error('expected invalid-input');
}

describe('checkPasskeyName', () => {
  it('should give no name for an absent or blank one: the passkey is then named after its provider', () => {
    for (const name of [undefined, '', '   ', '\t\n']) expect(checkPasskeyName(name)).toBeUndefined();
  });

  it('should check a typed name as checkCredentialName does', () => {
    expect(checkPasskeyName('  Cafe\u0301 ')).toBe('Caf\u00e9');
    expect(invalidInput(() => checkPasskeyName('Bank\u202Eyek'), 'credentialName')).toMatch(/bidirectional control/);
    // From JavaScript, not a string: refused, not taken as blank.
    expect(invalidInput(() => checkPasskeyName(42 as unknown as string), 'credentialName')).toBe(
      'Give the credential a name.',
    );
  });
});

describe('checkCredentialName', () => {
  it('should return the name NFC-normalised and trimmed', () => {
    expect(checkCredentialName('  Cafe\u0301 ')).toBe('Caf\u00e9');
  });

  it('should ask for a name when there is none', () => {
    for (const name of [undefined, 42, '', '   ']) {
      expect(invalidInput(() => checkCredentialName(name), 'credentialName')).toBe('Give the credential a name.');
    }
  });

  it.each([
    ['a right-to-left override', 'Bank\u202Eyek-ssap', /^The credential name must not contain bidirectional control/],
    ['NUL', 'a\u0000b', /^The credential name must not contain control characters/],
    ['BEL', 'a\u0007b', /control characters/],
    ['ESC', 'a\u001bb', /control characters/],
    ['a newline', 'a\nb', /control characters/],
    ['zero-width spaces only', '\u200B\u200B', /^The credential name must contain a visible character\.$/],
    ['a lone surrogate', 'a\uD800', /unpaired UTF-16 surrogates/],
    ['257 emoji', '🔑'.repeat(257), /^The credential name is too long \(257 characters, at most 256\)\.$/],
  ])('should refuse %s, saying why', (_what, name, message) => {
    expect(invalidInput(() => checkCredentialName(name), 'credentialName')).toMatch(message);
  });

  it('should count 256 emoji as 256 characters', () => {
    expect(checkCredentialName('🔑'.repeat(256))).toBe('🔑'.repeat(256));
  });
});

describe('checkUsername', () => {
  it('should return the username NFC-normalised and trimmed, its case kept', () => {
    expect(checkUsername(' Ren\u0065\u0301@Example.com ')).toBe('Ren\u00e9@Example.com');
  });

  it('should fold a fullwidth username to its usual width, as the mock compares it', () => {
    expect(checkUsername('ａlice@example.com')).toBe('alice@example.com');
    expect(checkUsername('ＡＬＩＣＥ＠ｅｘａｍｐｌｅ．ｃｏｍ')).toBe('ALICE@example.com');
  });

  it.each([
    ['blank', '   ', /^Give a username\.$/],
    ['60,000 characters', 'a'.repeat(60_000), /^The username is too long \(60000 characters, at most 254\)\.$/],
    ['a bidi isolate', 'ada\u2066@example.com', /bidirectional control/],
    ['a control character', 'ada\u001b@example.com', /control characters/],
    ['a zero-width space inside', 'ali\u200Bce@example.com', /^The username must not contain invisible .*U\+200B\)\.$/],
    ['a soft hyphen inside', 'ali\u00ADce', /^The username must not contain invisible .*U\+00AD\)\.$/],
    ['a word joiner inside', 'ali\u2060ce', /^The username must not contain invisible .*U\+2060\)\.$/],
  ])('should refuse a username that is %s', (_what, username, message) => {
    expect(invalidInput(() => checkUsername(username), 'username')).toMatch(message);
  });
});

const noRequest: Fetcher = async () => {
  throw new Error('no request expected');
};
const rp = { id: 'localhost', name: 'credkit' };

/** Every flow that sends a username, with the fetcher and the username it is given. */
const flowsWithUsername: [string, (fetcher: Fetcher, username: string) => Promise<unknown>][] = [
  [
    'registerUser',
    (fetcher, username) =>
      registerUser({
        fetcher,
        orgId: 'or-1',
        username,
        registrationCode: 'x',
        rp,
        credentials: { create: async () => null },
      }),
  ],
  // A fetcher that answers nothing usable ends the sign-in once login/init is sent: enough to see what was.
  [
    'loginWithPasskey',
    (fetcher, username) =>
      loginWithPasskey({ fetcher, orgId: 'or-1', username, credentials: { get: async () => null } }),
  ],
  ['sendRecoveryCode', (fetcher, username) => sendRecoveryCode({ fetcher, orgId: 'or-1', username })],
  ['sendLoginCode', (fetcher, username) => sendLoginCode({ fetcher, orgId: 'or-1', username })],
  [
    'loginWithPasswordProtectedKey',
    (fetcher, username) =>
      loginWithPasswordProtectedKey({
        fetcher,
        orgId: 'or-1',
        username,
        password: 'secret password',
        loginCode: '123456',
        origin: 'http://localhost:5173',
      }),
  ],
  [
    'recoverAccount',
    (fetcher, username) =>
      recoverAccount({
        fetcher,
        orgId: 'or-1',
        username,
        verificationCode: '123456',
        credentialId: 'key-1',
        recoveryCode: generateRecoveryCode(),
        rp,
        credentials: { create: async () => null },
        origin: 'http://localhost:5173',
      }),
  ],
];

describe.each(flowsWithUsername)('%s', (_name, run) => {
  it('should refuse a bad username before any request', async () => {
    const error = await credkitRejection(run(noRequest, 'ada\n@example.com'));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/^The username must not contain control characters/);
    // A form can put the message by the field the person typed.
    expect(error.field).toBe('username');
    expect((await credkitRejection(run(noRequest, '   '))).message).toBe('Give a username.');
  });

  it('should send the username NFC-normalised and trimmed, as the mock compares it', async () => {
    const sent: unknown[] = [];
    const recording: Fetcher = async (request) => {
      sent.push((request.body as { username?: unknown }).username);
      throw new Error('stop after the first request');
    };
    await run(recording, ' Ren\u0065\u0301@Example.com\t').catch(() => undefined);
    expect(sent).toEqual(['Ren\u00e9@Example.com']);
  });
});
