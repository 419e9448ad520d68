import { describe, expect, it } from 'vitest';
import { englishRegisterCredentialMessages } from '../registerCredentialMessages.ts';

describe("<RegisterCredential>'s RecoveryKey success text", () => {
  // Issue 28: the ID was shown only here, after the code was gone; the recovery step now shows both.
  it('should introduce nothing new: the ID was shown with the code, before', () => {
    expect(englishRegisterCredentialMessages.registered('RecoveryKey', 'Safe', 'Y3JlZC1pZA')).toBe(
      'Recovery key “Safe” registered.',
    );
  });

  it('should keep the other kinds as they were', () => {
    expect(englishRegisterCredentialMessages.registered('Fido2', 'Laptop', 'AQID')).toBe(
      'Passkey “Laptop” registered.',
    );
  });
});
