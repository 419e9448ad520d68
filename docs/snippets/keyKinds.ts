import type { Fetcher } from '@credkit/core';
import { registerKeyCredential, unwrapPrivateKey } from '@credkit/core/keys';

export async function addBackupKey(fetcher: Fetcher, password: string) {
  const { credential, encryptedPrivateKey } = await registerKeyCredential({
    fetcher,
    kind: 'PasswordProtectedKey',
    credentialName: 'Backup key',
    password,
  });
  // Later, on another device: the server gives the wrapped key back; the password opens it.
  const privateKey = encryptedPrivateKey ? await unwrapPrivateKey(encryptedPrivateKey, password) : undefined;
  return { credential, privateKey };
}
