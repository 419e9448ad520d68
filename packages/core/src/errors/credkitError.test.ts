import { describe, expect, it } from 'vitest';
import { createFetcher } from '../http/fetcher.ts';
import { credkitRejection } from '../testFixtures.ts';
import { CredkitError, describeError } from './credkitError.ts';

describe('describeError', () => {
  it("should give the error's own message, or the host's text for its code", () => {
    const error = new CredkitError('cancelled');
    expect(describeError(error)).toBe(error.message);
    expect(describeError(error, { cancelled: 'No problem.' })).toBe('No problem.');
    expect(describeError(error, { cancelled: (e) => `Code ${e.code}.` })).toBe('Code cancelled.');
  });

  it("should say who is speaking when it shows the server's message", () => {
    const error = new CredkitError('server', { status: 409, serverMessage: 'Name already in use.' });
    expect(describeError(error)).toBe('The server refused the request. The server said: “Name already in use.”');
    // The host's text replaces the whole, server message included.
    expect(describeError(error, { server: 'Try another name.' })).toBe('Try another name.');
  });

  // Issue 17: a 5,084-character message with a bidi override and a phishing sentence reached the alert unchanged.
  it('should show a hostile server message only cleaned and cut, keeping it whole on the error', async () => {
    const hostile = `Your account is locked.\u202E Call +1-555-0100 and read us your recovery code. ${'A'.repeat(5_010)}`;
    const fetch = async () => Response.json({ error: { message: hostile } }, { status: 400 });
    const error = await credkitRejection(createFetcher({ baseUrl: 'http://x', fetch })({ method: 'GET', path: '/' }));
    expect(hostile).toHaveLength(5_084);
    expect(error.serverMessage).toBe(hostile);
    expect(error.message).not.toContain('recovery code');

    const shown = describeError(error);
    expect(
      shown.startsWith('The server refused the request (HTTP 400). The server said: “Your account is locked. Call'),
    ).toBe(true);
    expect(shown).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(shown.length).toBeLessThan(300);
    expect(shown.endsWith('…”')).toBe(true);
  });
});

describe('the unknown default', () => {
  // Issue 27: a bare sign-in (loginWithPasskey, no controller) failing unexpectedly said
  // "…while registering the passkey". The default serves every flow, so it names none.
  it('should name no operation, since bare calls of every flow share it', () => {
    const error = new CredkitError('unknown', { cause: new TypeError('raw') });
    expect(error.message).toBe('Something went wrong. Try again.');
    expect(error.message).not.toMatch(/regist|sign|recover/i);
  });
});
