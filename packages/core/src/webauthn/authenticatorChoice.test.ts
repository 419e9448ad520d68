import { describe, expect, it } from 'vitest';
import {
  AUTHENTICATOR_CHOICES,
  availableAuthenticatorChoices,
  toAuthenticatorSteering,
} from './authenticatorChoice.ts';

describe('availableAuthenticatorChoices', () => {
  const all = { webAuthn: true, platformAuthenticator: true, hybridTransport: true } as const;

  it('should offer every choice when the browser can do everything', () => {
    expect(availableAuthenticatorChoices(all)).toEqual(['this-device', 'security-key', 'phone']);
  });

  it('should hide "This device" without a platform authenticator and "Phone or tablet" without hybrid', () => {
    expect(availableAuthenticatorChoices({ ...all, platformAuthenticator: false })).toEqual(['security-key', 'phone']);
    expect(availableAuthenticatorChoices({ ...all, hybridTransport: false })).toEqual(['this-device', 'security-key']);
  });

  it('should keep a choice whose capability is unknown, and offer nothing without WebAuthn', () => {
    expect(
      availableAuthenticatorChoices({
        webAuthn: 'unknown',
        platformAuthenticator: 'unknown',
        hybridTransport: 'unknown',
      }),
    ).toEqual([...AUTHENTICATOR_CHOICES]);
    expect(availableAuthenticatorChoices({ ...all, webAuthn: false })).toEqual([]);
  });

  it("should keep the host's own subset and order", () => {
    expect(availableAuthenticatorChoices({ ...all, hybridTransport: false }, ['phone', 'this-device'])).toEqual([
      'this-device',
    ]);
  });
});

describe('toAuthenticatorSteering', () => {
  it('should give a fresh hints array each time (callers may change it)', () => {
    const first = toAuthenticatorSteering('phone');
    first.hints.push('client-device');
    expect(toAuthenticatorSteering('phone')).toEqual({ hints: ['hybrid'], authenticatorAttachment: 'cross-platform' });
  });
});
