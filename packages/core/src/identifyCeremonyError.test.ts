import { describe, expect, it } from 'vitest';
import { CredkitError } from './credkitError.ts';
import { identifyCeremonyError } from './identifyCeremonyError.ts';

const publicKey = { timeout: 60_000 } as PublicKeyCredentialCreationOptions;
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
  });

  describe('ConstraintError', () => {
    it('should be constraint', () => {
      expect(identify(domError('ConstraintError')).code).toBe('constraint');
    });
  });

  describe('NotSupportedError', () => {
    it('should be unsupported-algorithm', () => {
      expect(identify(domError('NotSupportedError')).code).toBe('unsupported-algorithm');
    });
  });

  describe('SecurityError', () => {
    it('should be security', () => {
      expect(identify(domError('SecurityError')).code).toBe('security');
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
