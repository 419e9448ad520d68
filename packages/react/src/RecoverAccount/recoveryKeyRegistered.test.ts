import { describe, expect, it } from 'vitest';
import { englishRegisterCredentialMessages } from '../registerCredentialMessages.ts';

describe("<RegisterCredential>'s RecoveryKey success text", () => {
  it('should give the recovery key ID, which recovery needs with the code', () => {
    expect(englishRegisterCredentialMessages.registered('RecoveryKey', 'Safe', 'Y3JlZC1pZA')).toBe(
      'Recovery key “Safe” registered. Keep its ID with your recovery code: Y3JlZC1pZA.',
    );
  });

  it('should keep the other kinds as they were', () => {
    expect(englishRegisterCredentialMessages.registered('Fido2', 'Laptop', 'AQID')).toBe(
      'Passkey “Laptop” registered.',
    );
  });
});
