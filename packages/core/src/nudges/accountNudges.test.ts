import { describe, expect, it } from 'vitest';
import type { CredentialKind } from '../dfns/dfnsTypes.ts';
import { accountNudges } from './accountNudges.ts';
import { createNudgeDismissals, type NudgeStorage } from './nudgeDismissals.ts';

const credential = (kind: CredentialKind, isActive = true) => ({ kind, isActive });

describe('accountNudges', () => {
  it('should suggest a recovery key and a second passkey to an account with one passkey and nothing else', () => {
    expect(accountNudges({ credentials: [credential('Fido2')] })).toEqual([
      'add-passkey-elsewhere',
      'create-recovery-key',
    ]);
  });

  it('should suggest nothing to an account with two passkeys and a recovery key', () => {
    const credentials = [credential('Fido2'), credential('Fido2'), credential('RecoveryKey')];
    expect(accountNudges({ credentials, passkeyOnThisDevice: true })).toEqual([]);
  });

  it('should count only active credentials: a deactivated recovery key or passkey does not help', () => {
    const credentials = [credential('Fido2'), credential('Fido2', false), credential('RecoveryKey', false)];
    expect(accountNudges({ credentials })).toEqual(['add-passkey-elsewhere', 'create-recovery-key']);
  });

  it('should suggest a passkey here, instead of on another device, after a sign-in without a local passkey', () => {
    const credentials = [credential('Fido2'), credential('RecoveryKey')];
    expect(accountNudges({ credentials, passkeyOnThisDevice: false })).toEqual(['add-passkey-here']);
  });

  it('should suggest a passkey here to an account with no passkey at all that signed in with a key', () => {
    const credentials = [credential('PasswordProtectedKey'), credential('RecoveryKey')];
    expect(accountNudges({ credentials, passkeyOnThisDevice: false })).toEqual(['add-passkey-here']);
    // Not knowing where the person signed in, the kit does not suggest it.
    expect(accountNudges({ credentials })).toEqual([]);
  });

  it('should leave out what the person put off', () => {
    expect(
      accountNudges({ credentials: [credential('Fido2')], dismissed: new Set(['create-recovery-key'] as const) }),
    ).toEqual(['add-passkey-elsewhere']);
  });
});

describe('createNudgeDismissals', () => {
  function recordingStorage(initial: Record<string, string> = {}) {
    const values = new Map(Object.entries(initial));
    const storage: NudgeStorage = {
      get: async (key) => values.get(key) ?? null,
      set: async (key, value) => void values.set(key, value),
    };
    return { storage, values };
  }

  it("should keep each nudge put off once, under the host's key, in the host's storage", async () => {
    const { storage, values } = recordingStorage();
    const dismissals = createNudgeDismissals({ storage, storageKey: 'user-1:nudges' });
    expect(await dismissals.read()).toEqual([]);
    await dismissals.dismiss('create-recovery-key');
    expect(await dismissals.dismiss('create-recovery-key')).toEqual(['create-recovery-key']);
    expect(JSON.parse(values.get('user-1:nudges') ?? '')).toEqual(['create-recovery-key']);
  });

  it('should read an unreadable or foreign stored value as nothing put off', async () => {
    for (const stored of ['{not json', '"a string"', '["delete-account","add-passkey-here"]']) {
      const { storage } = recordingStorage({ 'credkit:nudges': stored });
      const expected = stored.includes('add-passkey-here') ? ['add-passkey-here'] : [];
      expect(await createNudgeDismissals({ storage }).read()).toEqual(expected);
    }
  });

  it('should fall back to memory where there is no localStorage', async () => {
    const dismissals = createNudgeDismissals();
    await dismissals.dismiss('add-passkey-here');
    expect(await dismissals.read()).toEqual(['add-passkey-here']);
  });
});
