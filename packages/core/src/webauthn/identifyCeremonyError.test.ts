import { describe, expect, it, vi } from 'vitest';
import { CredkitError } from '../errors/credkitError.ts';
import { fido2ChallengeFixture } from '../testFixtures.ts';
import { toCreationOptions } from './creationOptions.ts';
import { identifyCeremonyError } from './identifyCeremonyError.ts';

const publicKey = toCreationOptions(fido2ChallengeFixture(), { rp: { id: 'localhost', name: 'credkit' } });
const domError = (name: string, message = 'browser text') => new DOMException(message, name);

function identify(error: unknown, elapsedMs = 1500, signal?: AbortSignal) {
  return identifyCeremonyError(error, { publicKey, elapsedMs, signal });
}

describe('identifyCeremonyError', () => {
  describe('InvalidStateError', () => {
    it('should be already-registered', () => {
      const error = domError('InvalidStateError');
      const result = identify(error);
      expect(result.code).toBe('already-registered');
      expect(result.phase).toBe('ceremony');
      expect(result.cause).toBe(error);
      expect(result.message).toMatch(/already holds a passkey/);
    });
  });

  describe('NotAllowedError', () => {
    it('should be cancelled when it came well before the timeout', () => {
      expect(identify(domError('NotAllowedError'), 1500).code).toBe('cancelled');
    });
    it('should be timed-out when it came at the timeout', () => {
      expect(identify(domError('NotAllowedError'), 60_003).code).toBe('timed-out');
    });
    it('should keep the raw error in cause', () => {
      const error = domError('NotAllowedError');
      expect(identify(error).cause).toBe(error);
    });
  });

  describe('AbortError', () => {
    it('should be aborted', () => {
      expect(identify(domError('AbortError')).code).toBe('aborted');
    });
    it('should be aborted whatever the error when the signal was aborted', () => {
      const controller = new AbortController();
      controller.abort();
      expect(identify(domError('NotAllowedError'), 10, controller.signal).code).toBe('aborted');
    });
    it("should use the abort reason's code when the reason is a CredkitError", () => {
      const controller = new AbortController();
      controller.abort(new CredkitError('cancelled'));
      const result = identify(domError('AbortError'), 10, controller.signal);
      expect([result.code, result.phase]).toEqual(['cancelled', 'ceremony']);
    });
  });

  describe('ConstraintError', () => {
    it('should be constraint, blaming the resident key when one is required', () => {
      const result = identify(domError('ConstraintError'));
      expect(result.code).toBe('constraint');
      expect(result.message).toMatch(/discoverable passkey/);
    });
    it('should blame user verification when only that is required', () => {
      const options = toCreationOptions(
        fido2ChallengeFixture({
          authenticatorSelection: {
            residentKey: 'discouraged',
            requireResidentKey: false,
            userVerification: 'required',
          },
        }),
        { rp: { name: 'x' } },
      );
      const result = identifyCeremonyError(domError('ConstraintError'), { publicKey: options, elapsedMs: 5 });
      expect([result.code, result.message]).toEqual(['constraint', expect.stringMatching(/cannot verify you/)]);
    });
  });

  describe('NotSupportedError', () => {
    it('should be unsupported-algorithm', () => {
      expect(identify(domError('NotSupportedError')).code).toBe('unsupported-algorithm');
    });
    it('should be invalid-challenge when no pubKeyCredParams entry is of type public-key', () => {
      const options = { ...publicKey, pubKeyCredParams: [] };
      const result = identifyCeremonyError(domError('NotSupportedError'), { publicKey: options, elapsedMs: 5 });
      expect(result.code).toBe('invalid-challenge');
    });
  });

  describe('SecurityError', () => {
    it('should be security', () => {
      expect(identify(domError('SecurityError')).code).toBe('security');
    });
    // Issue 27: the RP id can come from the server's challenge; it is server text like any other.
    it('should clean and cut an RP id from the server before putting it in the message', () => {
      const options = { ...publicKey, rp: { ...publicKey.rp, id: `evil\u202E${'x'.repeat(3_000)}\n.com` } };
      vi.stubGlobal('location', { hostname: 'localhost' });
      const result = identifyCeremonyError(domError('SecurityError'), { publicKey: options, elapsedMs: 5 });
      vi.unstubAllGlobals();
      expect(result.code).toBe('security');
      expect(result.message).toMatch(/^The passkey request is for "evilx+…", which this page/);
      expect(Array.from(result.message).length).toBeLessThan(500);
    });
  });

  describe('TypeError', () => {
    it('should be invalid-challenge when user.id is longer than 64 bytes', () => {
      const options = { ...publicKey, user: { ...publicKey.user, id: new Uint8Array(65) } };
      const result = identifyCeremonyError(new TypeError('bad user id'), { publicKey: options, elapsedMs: 5 });
      expect(result.code).toBe('invalid-challenge');
      expect(result.message).toContain('65 bytes');
    });
    it('should be unknown otherwise', () => {
      expect(identify(new TypeError('?')).code).toBe('unknown');
    });
  });

  describe('anything else', () => {
    it('should be unknown and name the error', () => {
      const result = identify(domError('UnknownError'));
      expect(result.code).toBe('unknown');
      expect(result.message).toContain('UnknownError');
    });
    it('should be unknown for a non-error value', () => {
      expect(identify('boom').code).toBe('unknown');
    });
    it('should pass a CredkitError through', () => {
      const error = new CredkitError('network');
      expect(identify(error)).toBe(error);
    });
  });
});
