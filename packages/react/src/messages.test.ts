import { describe, expect, it } from 'vitest';
import { englishMessages, mergeMessages } from './messages.ts';

describe('mergeMessages', () => {
  it('should give the English texts when nothing is replaced', () => {
    expect(mergeMessages()).toEqual(englishMessages);
    expect(englishMessages.registered('Fido2', 'Laptop')).toBe('Passkey “Laptop” registered.');
  });

  it('should replace texts group by group, keeping the rest', () => {
    const merged = mergeMessages({
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
