import { describe, expect, it } from 'vitest';
import { englishMessages } from '../messages.ts';

describe("<RegisterCredential>'s RecoveryKey success text", () => {
  it('should give the recovery key ID, which recovery needs with the code', () => {
    expect(englishMessages.registered('RecoveryKey', 'Safe', 'Y3JlZC1pZA')).toBe(
      'Recovery key “Safe” registered. Keep its ID with your recovery code: Y3JlZC1pZA.',
    );
  });

  it('should keep the other kinds as they were', () => {
    expect(englishMessages.registered('Fido2', 'Laptop', 'AQID')).toBe('Passkey “Laptop” registered.');
  });
});
