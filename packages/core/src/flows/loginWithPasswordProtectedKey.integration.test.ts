// Sign-in with a PasswordProtectedKey and sign-out, checked by the independent verifier: the key
// registered by credkit, the e-mailed login code read from the in-process mock's mailbox.
import type { LoginCodeMail } from '@credkit/mock-backend';
import { describe, expect, it } from 'vitest';
import type { Fetcher } from '../http/fetcher.ts';
import { credkitRejection, inProcessMock, softwareCredentials } from '../testFixtures.ts';
import { listCredentials } from './listCredentials.ts';
import { loginWithPasskey } from './loginWithPasskey.ts';
import { loginWithPasswordProtectedKey, sendLoginCode } from './loginWithPasswordProtectedKey.ts';
import { logout } from './logout.ts';
import { registerKeyCredential } from './registerKeyCredential.ts';
import { registerPasskey } from './registerPasskey.ts';

const ORIGIN = 'http://localhost:5173';
const ORG = 'or-credk-itmck-0000000000000000';
const USERNAME = 'demo@credkit.dev';
const PASSWORD = 'correct horse battery';

function setup() {
  const mails: LoginCodeMail[] = [];
  const { fetcherWith, anonymous } = inProcessMock({
    origins: [ORIGIN],
    rpId: 'localhost',
    userActionSigning: 'off',
    onLoginCode: (mail) => mails.push(mail),
  });
  /** "Send me a code", then the code from the mailbox. */
  const mailedCode = async () => {
    await sendLoginCode({ fetcher: anonymous, orgId: ORG, username: USERNAME });
    return mails.at(-1)?.loginCode ?? '';
  };
  const signIn = (loginCode: string, password = PASSWORD) =>
    loginWithPasswordProtectedKey({
      fetcher: anonymous,
      orgId: ORG,
      username: USERNAME,
      password,
      loginCode,
      origin: ORIGIN,
    });
  return { fetcherWith, anonymous, mailedCode, signIn };
}

/** The demo user with a PasswordProtectedKey as their only way in. */
async function userWithPasswordProtectedKey(demo: Fetcher) {
  await registerKeyCredential({
    fetcher: demo,
    kind: 'PasswordProtectedKey',
    credentialName: 'Password key',
    password: PASSWORD,
    origin: ORIGIN,
  });
}

describe('PasswordProtectedKey sign-in and sign-out against the mock backend', () => {
  it('should ask for a code, then sign in with the code and the password; the token works', async () => {
    const { fetcherWith, anonymous, mailedCode, signIn } = setup();
    await userWithPasswordProtectedKey(fetcherWith('demo-token'));

    // The passkey sign-in knows better than to offer every passkey of the site.
    const passkey = await credkitRejection(
      loginWithPasskey({
        fetcher: anonymous,
        orgId: ORG,
        username: USERNAME,
        credentials: softwareCredentials(ORIGIN),
      }),
    );
    expect([passkey.code, passkey.phase]).toEqual(['login-code-required', 'challenge']);

    const { token } = await signIn(await mailedCode());
    const listed = await listCredentials(fetcherWith(token));
    expect(listed.map((credential) => credential.kind)).toContain('PasswordProtectedKey');
  });

  it('should refuse a wrong password before posting, and a code already spent', async () => {
    const { fetcherWith, mailedCode, signIn } = setup();
    await userWithPasswordProtectedKey(fetcherWith('demo-token'));

    const code = await mailedCode();
    const wrong = await credkitRejection(signIn(code, 'not the password'));
    expect([wrong.code, wrong.phase]).toEqual(['wrong-password', 'signing']);
    // The challenge spent the code: the server refuses it again, naming it.
    const spent = await credkitRejection(signIn(code));
    expect([spent.code, spent.phase, spent.status]).toEqual(['server', 'challenge', 400]);
    expect(spent.serverMessage).toMatch(/loginCode/);
    await expect(signIn(await mailedCode())).resolves.toMatchObject({ token: expect.any(String) });
  });

  it('should say a code is needed when the sign-in comes without one', async () => {
    const { fetcherWith, signIn } = setup();
    await userWithPasswordProtectedKey(fetcherWith('demo-token'));
    // No code at all: the challenge lists the key without its encrypted private key.
    const error = await credkitRejection(signIn(''));
    expect([error.code, error.phase]).toEqual(['login-code-required', 'challenge']);
  });

  it('should end the token on sign-out, and every token with allSessions', async () => {
    const { fetcherWith, anonymous } = setup();
    const laptop = softwareCredentials(ORIGIN);
    await registerPasskey({
      fetcher: fetcherWith('demo-token'),
      rp: { id: 'localhost', name: 'credkit' },
      credentials: laptop,
      credentialName: 'Laptop',
    });
    const signIn = async () =>
      (
        await loginWithPasskey({
          fetcher: anonymous,
          orgId: ORG,
          username: USERNAME,
          rpId: 'localhost',
          credentials: laptop,
        })
      ).token;

    const [first, second, third] = [await signIn(), await signIn(), await signIn()];
    await logout({ fetcher: fetcherWith(first) });
    const ended = await credkitRejection(listCredentials(fetcherWith(first)));
    expect([ended.code, ended.status]).toEqual(['server', 401]);
    await expect(listCredentials(fetcherWith(second))).resolves.toHaveLength(1);

    await logout({ fetcher: fetcherWith(second), allSessions: true });
    const all = await credkitRejection(listCredentials(fetcherWith(third)));
    expect(all.status).toBe(401);
  });
});
