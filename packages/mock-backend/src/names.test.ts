import { normalizeName, usernameKey } from '@credkit/names';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_ID } from './config.ts';
import { type Call, expectDfnsError, ORIGIN, registration, setupBackend } from './testHelpers.ts';
import { createSoftwareKeyCredential } from './testing/softwareKeySigner.ts';

function registrationInit(call: Call, username: unknown) {
  return call(
    'POST',
    '/auth/registration/init',
    { orgId: DEFAULT_ORG_ID, username, registrationCode: 'any' },
    { Authorization: '' },
  );
}

/** Signs a user up with a Key first factor (`credentialName` as given, or none): the answer. */
async function signUpWithKey(call: Call, username: string, credentialName?: string) {
  const init = await registrationInit(call, username);
  expect(init.status).toBe(200);
  const { credentialInfo } = createSoftwareKeyCredential({ challenge: init.body.challenge, origin: ORIGIN });
  return call(
    'POST',
    '/auth/registration/enduser',
    { firstFactorCredential: { credentialKind: 'Key', credentialInfo, credentialName } },
    { Authorization: `Bearer ${init.body.temporaryAuthenticationToken}` },
  );
}

describe('names in the mock backend (the @credkit/names rule)', () => {
  describe('credentialName of POST /auth/credentials', () => {
    it.each([
      ['a right-to-left override', 'Bank\u202Eyek-ssap', /^credentialName must not contain bidirectional control/],
      ['NUL', 'a\u0000b', /^credentialName must not contain control characters/],
      ['BEL', 'a\u0007b', /^credentialName must not contain control characters/],
      ['ESC', 'a\u001b[0m', /^credentialName must not contain control characters/],
      ['a newline', 'line\nbreak', /^credentialName must not contain control characters/],
      ['zero-width spaces only', '\u200B\u200B\u200B', /^credentialName must contain a visible character$/],
      ['a lone surrogate', 'a\uD800b', /^credentialName must not contain unpaired UTF-16 surrogates$/],
      ['257 emoji', '🔑'.repeat(257), /^credentialName is too long \(257 characters, at most 256\)$/],
    ])('should refuse %s with a 400 naming the field', async (_what, credentialName, message) => {
      const { call } = setupBackend();
      const body = { ...(await registration(call)), credentialName };
      expectDfnsError(await call('POST', '/auth/credentials', body), 400, message);
    });

    it('should store 256 emoji (256 characters, 512 UTF-16 units), and a name NFC-normalised and trimmed', async () => {
      const { call } = setupBackend();
      const emoji = await call('POST', '/auth/credentials', {
        ...(await registration(call)),
        credentialName: '🔑'.repeat(256),
      });
      expect(emoji.status).toBe(200);
      expect(emoji.body.name).toBe('🔑'.repeat(256));
      const decomposed = await call('POST', '/auth/credentials', {
        ...(await registration(call)),
        credentialName: ' Cafe\u0301 ',
      });
      expect(decomposed.body.name).toBe('Caf\u00e9');
    });
  });

  describe('username of POST /auth/registration/init', () => {
    it.each([
      ['60,000 characters', 'a'.repeat(60_000), /^username is too long \(60000 characters, at most 254\)$/],
      ['whitespace only', '   ', /^username must not be blank$/],
      ['a bidi override', 'ada\u202E@example.com', /^username must not contain bidirectional control/],
      ['a control character', 'ada\u0007@example.com', /^username must not contain control characters/],
    ])('should refuse %s with a 400 naming the field', async (_what, username, message) => {
      const { call } = setupBackend();
      expectDfnsError(await registrationInit(call, username), 400, message);
    });

    it('should take DEMO@credkit.dev for the seeded demo@credkit.dev: usernames compare case-insensitively', async () => {
      const { call } = setupBackend();
      expectDfnsError(await registrationInit(call, 'DEMO@credkit.dev'), 409, /already registered/);
      expect((await signUpWithKey(call, 'Ada@Example.com')).status).toBe(200);
      expectDfnsError(await registrationInit(call, ' ada@example.COM '), 409, /already registered/);
      const login = await call('POST', '/auth/login/init', { orgId: DEFAULT_ORG_ID, username: 'ADA@EXAMPLE.COM' });
      expect(login.status).toBe(200);
      expect(login.body.allowCredentials.key).toHaveLength(1);
    });

    it.each([
      ['a zero-width space', 'ali\u200Bce@example.com', '200B'],
      ['a soft hyphen', 'ali\u00ADce@example.com', '00AD'],
      ['a word joiner', 'ali\u2060ce@example.com', '2060'],
    ])('should refuse a look-alike with %s inside', async (_what, username, code) => {
      const { call } = setupBackend();
      expect((await signUpWithKey(call, 'alice@example.com')).status).toBe(200);
      expectDfnsError(
        await registrationInit(call, username),
        400,
        new RegExp(`^username must not contain invisible or format characters .*U\\+${code}\\)$`),
      );
    });

    it('should take a fullwidth look-alike for the same user, folding widths (RFC 8265)', async () => {
      const { call } = setupBackend();
      expect((await signUpWithKey(call, 'alice@example.com')).status).toBe(200);
      expectDfnsError(await registrationInit(call, 'ａlice@example.com'), 409, /already registered/);
      expectDfnsError(await registrationInit(call, 'ＡＬＩＣＥ＠ＥＸＡＭＰＬＥ．ＣＯＭ'), 409, /already registered/);
      // Signing in with a look-alike finds the one user, not none.
      for (const username of ['ａlice@example.com', 'ali\u200Bce@example.com']) {
        const login = await call('POST', '/auth/login/init', { orgId: DEFAULT_ORG_ID, username });
        expect(login.status).toBe(200);
        expect(login.body.allowCredentials.key).toHaveLength(1);
      }
    });

    it('should store a fullwidth username folded to its usual width', async () => {
      const { call } = setupBackend();
      const done = await signUpWithKey(call, 'ｂob@example.com');
      expect(done.body.user.username).toBe('bob@example.com');
    });

    it('should never let a look-alike of a username be another user (property)', () => {
      // Whatever invisible or format character goes inside, and whichever letters are fullwidth, the
      // name is refused or has the key of the plain name.
      const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCXYZ0189.@_-'.split(''));
      const hidden = fc.constantFrom(
        '\u200B',
        '\u200C',
        '\u200D',
        '\u00AD',
        '\u2060',
        '\uFEFF',
        '\u180E',
        '\u034F',
        '\uFE0F',
        '\u{E0020}',
        '\u0600',
      );
      fc.assert(
        fc.property(
          fc.array(fc.tuple(letter, fc.boolean(), fc.option(hidden)), { minLength: 1, maxLength: 30 }),
          (parts) => {
            const plain = parts.map(([c]) => c).join('');
            const lookAlike = parts
              .map(
                ([c, wide, extra]) =>
                  (wide ? String.fromCodePoint((c.codePointAt(0) as number) + 0xfee0) : c) + (extra ?? ''),
              )
              .join('');
            expect(usernameKey(lookAlike)).toBe(usernameKey(plain));
            const checked = normalizeName(lookAlike, 'username');
            // Refused, or the plain name (a trailing BOM is trimmed like a space).
            if (checked.ok) expect(checked.name).toBe(plain);
            if (parts.slice(0, -1).some(([, , extra]) => extra !== null)) expect(checked.ok).toBe(false);
          },
        ),
      );
    });

    it('should keep the username as typed, NFC-normalised and trimmed', async () => {
      const { call } = setupBackend();
      const done = await signUpWithKey(call, ' Rene\u0301@Example.com ');
      expect(done.body.user.username).toBe('Ren\u00e9@Example.com');
    });
  });

  describe('the first factor of a sign-up', () => {
    it('should refuse a credentialName of three spaces', async () => {
      const { call } = setupBackend();
      expectDfnsError(
        await signUpWithKey(call, 'ada@example.com', '   '),
        400,
        /^firstFactorCredential\.credentialName must not be blank$/,
      );
    });

    it('should keep the default name "<kind> of <username>" within the 256-character cap', async () => {
      const { call } = setupBackend();
      const username = `${'a'.repeat(242)}@example.com`;
      const done = await signUpWithKey(call, username);
      expect(done.status).toBe(200);
      const name: string = done.body.credential.name;
      expect([...name]).toHaveLength(256);
      expect(name).toBe(`${`Key of ${username}`.slice(0, 255)}…`);
      const short = await signUpWithKey(call, 'bo@example.com');
      expect(short.body.credential.name).toBe('Key of bo@example.com');
    });
  });
});
