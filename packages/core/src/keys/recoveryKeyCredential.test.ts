import { describe, expect, it } from 'vitest';
import { fromBase64url } from '../encoding/base64url.ts';
import { credkitRejection } from '../testFixtures.ts';
import { unwrapPrivateKeyBytes } from './privateKeyWrapping.ts';
import { generateRecoveryCode } from './recoveryCode.ts';
import { prepareRecoveryKey } from './recoveryKeyCredential.ts';

const ORIGIN = 'http://localhost:5173';

describe('prepareRecoveryKey', () => {
  it('should make a RecoveryKey for the challenge, wrapped under the code as typed, named "Recovery key"', async () => {
    const recoveryCode = generateRecoveryCode();
    const make = prepareRecoveryKey({ recoveryCode: recoveryCode.toLowerCase().replaceAll('-', ' ') }, ORIGIN);
    const { recoveryCredential, recoveryKey } = await make('the-challenge');

    expect(recoveryCredential).toMatchObject({ credentialKind: 'RecoveryKey', credentialName: 'Recovery key' });
    expect(recoveryKey).toEqual({ credentialId: recoveryCredential.credentialInfo.credId, name: 'Recovery key' });
    const clientData = JSON.parse(
      new TextDecoder().decode(fromBase64url(recoveryCredential.credentialInfo.clientData)),
    );
    expect(clientData).toMatchObject({ type: 'key.create', origin: ORIGIN });
    // The canonical code opens it: what the person types later is normalised the same way.
    await expect(
      unwrapPrivateKeyBytes(recoveryCredential.encryptedPrivateKey ?? '', recoveryCode),
    ).resolves.toBeInstanceOf(ArrayBuffer);
  });

  it('should refuse a code that cannot be one, or a blank name, before anything is made', () => {
    expect(() => prepareRecoveryKey({ recoveryCode: 'not a code' }, ORIGIN)).toThrow(
      expect.objectContaining({ code: 'invalid-input', field: 'recoveryCode' }),
    );
    expect(() => prepareRecoveryKey({ recoveryCode: generateRecoveryCode(), credentialName: ' ' }, ORIGIN)).toThrow(
      expect.objectContaining({ code: 'invalid-input', field: 'credentialName' }),
    );
  });

  it('should refuse iterations below the minimum as invalid-input when the key is made', async () => {
    const make = prepareRecoveryKey({ recoveryCode: generateRecoveryCode(), iterations: 1000 }, ORIGIN);
    const error = await credkitRejection(make('the-challenge'));
    expect(error.code).toBe('invalid-input');
  });
});
