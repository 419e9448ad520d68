// Sign-in, credential codes and (de)activation checked by the independent verifier: core → the
// in-process mock backend, with the mock's software authenticator standing in for the browser.
import { describe, expect, it } from 'vitest';
import { credkitRejection, inProcessMock, softwareCredentials } from '../testFixtures.ts';
import { setCredentialActive } from './credentialActivation.ts';
import { createCredentialCode, withCredentialCode } from './credentialCodes.ts';
import { listCredentials } from './listCredentials.ts';
import { loginWithPasskey } from './loginWithPasskey.ts';
import { registerPasskey } from './registerPasskey.ts';

const ORIGIN = 'http://localhost:5173';
const rp = { id: 'localhost', name: 'credkit' };

function setup() {
  const { fetcherWith, anonymous } = inProcessMock({ origins: [ORIGIN], rpId: 'localhost', userActionSigning: 'off' });
  return { fetcherWith, demo: fetcherWith('demo-token'), anonymous };
}

describe('sign-in, codes and activation against the mock backend', () => {
  it('should sign in with a registered passkey, by username and without one, and the token works', async () => {
    const { fetcherWith, demo, anonymous } = setup();
    const laptop = softwareCredentials(ORIGIN);
    const created = await registerPasskey({ fetcher: demo, rp, credentialName: 'Laptop', credentials: laptop });

    for (const username of ['demo@credkit.dev', undefined]) {
      const { token } = await loginWithPasskey({
        fetcher: anonymous,
        orgId: 'or-credk-itmck-0000000000000000',
        username,
        rpId: 'localhost',
        credentials: laptop,
      });
      const list = await listCredentials(fetcherWith(token));
      expect(list.map((credential) => credential.credentialId)).toContain(created.credentialId);
    }
  });

  it('should register a phone with a code, which then signs in; the code works once', async () => {
    const { demo, anonymous } = setup();
    const { code } = await createCredentialCode({ fetcher: demo });
    const phone = softwareCredentials(ORIGIN);
    const added = await registerPasskey({
      fetcher: withCredentialCode(anonymous, code),
      rp,
      credentialName: 'Phone',
      credentials: phone,
    });
    expect(added.name).toBe('Phone');
    const { token } = await loginWithPasskey({
      fetcher: anonymous,
      orgId: 'or-credk-itmck-0000000000000000',
      username: 'demo@credkit.dev',
      rpId: 'localhost',
      credentials: phone,
    });
    expect(token).not.toBe('');

    const reused = await credkitRejection(
      registerPasskey({
        fetcher: withCredentialCode(anonymous, code),
        rp,
        credentialName: 'Again',
        credentials: softwareCredentials(ORIGIN),
      }),
    );
    expect([reused.code, reused.phase]).toEqual(['invalid-code', 'challenge']);
  });

  it('should refuse a sign-in with a deactivated passkey, and accept it once activated again', async () => {
    const { demo, anonymous } = setup();
    const laptop = softwareCredentials(ORIGIN);
    const keep = await registerPasskey({
      fetcher: demo,
      rp,
      credentialName: 'Keep',
      credentials: softwareCredentials(ORIGIN),
    });
    const created = await registerPasskey({ fetcher: demo, rp, credentialName: 'Laptop', credentials: laptop });
    expect(keep.isActive).toBe(true);
    // Usernameless: the server offers no allow list, so the deactivated passkey does answer.
    const login = () =>
      loginWithPasskey({
        fetcher: anonymous,
        orgId: 'or-credk-itmck-0000000000000000',
        rpId: 'localhost',
        credentials: laptop,
      });

    await setCredentialActive({ fetcher: demo, credentialUuid: created.credentialUuid, active: false });
    const refused = await credkitRejection(login());
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);

    await setCredentialActive({ fetcher: demo, credentialUuid: created.credentialUuid, active: true });
    await expect(login()).resolves.toMatchObject({ token: expect.any(String) });
  });
});
