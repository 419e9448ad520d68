import { describe, expect, it } from 'vitest';
import { mergeMessages } from './mergeMessages.ts';
import { englishRegisterCredentialMessages } from './registerCredentialMessages.ts';

describe('mergeMessages', () => {
  it('should give the English texts when nothing is replaced', () => {
    expect(mergeMessages(englishRegisterCredentialMessages)).toEqual(englishRegisterCredentialMessages);
    expect(englishRegisterCredentialMessages.registered('Fido2', 'Laptop')).toBe('Passkey “Laptop” registered.');
  });

  it('should replace texts group by group, keeping the rest', () => {
    const merged = mergeMessages(englishRegisterCredentialMessages, {
      cancel: 'Annuler',
      recovery: { copy: 'Copier' },
      errors: { network: 'Hors ligne' },
    });
    expect(merged.cancel).toBe('Annuler');
    expect(merged.recovery).toEqual({ copy: 'Copier' });
    expect(merged.errors).toEqual({ network: 'Hors ligne' });
    expect(merged.nameLabel).toBe('Credential name');
  });
});
