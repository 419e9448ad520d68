// Issue 29, provider names: the new passkey of a recovery may be left without a name, and is then
// named after its provider (core reads the AAGUID in the attestation), as in <RegisterCredential>.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  encryptedRecoveryKey,
  RECOVERY_CODE,
  RECOVERY_KEY_ID,
  recoveryBackend,
  recoveryCredentials,
} from '../test/recoverAccount.ts';
import { providerCredentials, renderWithClient } from '../test/utils.tsx';
import { RecoverAccount } from './RecoverAccount.tsx';

const rp = { id: 'localhost', name: 'credkit' };
const GOOGLE = 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4';
const APPLE = 'fbfc3007-154e-4ecc-8c0b-6e020557d7bd';
const NAME = 'Name of the new passkey (optional)';
// Unwrapping runs PBKDF2 with 600,000 iterations: give the crypto room.
const CRYPTO = { timeout: 20_000 };
const TEST_TIMEOUT = 60_000;
let encryptedKey: string;
beforeAll(async () => {
  encryptedKey = await encryptedRecoveryKey();
}, 30_000);

const field = (name: string) => screen.getByRole('textbox', { name });

/**
 * A recovery whose new passkey is made by the provider of `aaguid` (none: an attestation without an
 * AAGUID), `name` typed in its field: the requests the backend received.
 */
async function recoverWith(aaguid: string | null, name: string) {
  const user = userEvent.setup();
  // The fake backend stores the name posted, and answers it, as Dfns does.
  const backend = recoveryBackend(encryptedKey);
  const credentials = recoveryCredentials(aaguid === null ? undefined : providerCredentials(aaguid).create);
  renderWithClient(
    <RecoverAccount
      fetcher={backend.fetcher}
      orgId="or-1"
      rp={rp}
      credentials={credentials}
      defaultNewRecoveryKey={false}
    />,
  );
  await user.type(field('Username'), 'ada@example.com');
  await user.click(screen.getByRole('button', { name: 'Send the code' }));
  await screen.findByRole('textbox', { name: 'Code from the e-mail' }, CRYPTO);
  await user.type(field('Code from the e-mail'), '123456');
  await user.type(field('Recovery key ID'), RECOVERY_KEY_ID);
  await user.type(field('Recovery code'), RECOVERY_CODE);
  if (name !== '') await user.type(field(NAME), name);
  await user.click(screen.getByRole('button', { name: 'Recover and add a passkey' }));
  return backend.requests;
}

/** The name the recovery posted for the new passkey (`POST /auth/recover/user`). */
function postedName(requests: Awaited<ReturnType<typeof recoverWith>>) {
  const recover = requests.filter((request) => request.path === '/auth/recover/user');
  expect(recover).toHaveLength(1);
  const body = recover[0]?.body as { newCredentials: { firstFactorCredential: { credentialName: string } } };
  return body.newCredentials.firstFactorCredential.credentialName;
}

describe('RecoverAccount: the new passkey name left blank', () => {
  it('should say the name is optional and what a blank one becomes, without requiring it', async () => {
    const user = userEvent.setup();
    const { fetcher } = recoveryBackend(encryptedKey);
    renderWithClient(<RecoverAccount fetcher={fetcher} orgId="or-1" rp={rp} credentials={recoveryCredentials()} />);
    await user.type(field('Username'), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Send the code' }));
    const name = await screen.findByRole('textbox', { name: NAME }, CRYPTO);
    expect(name).not.toBeRequired();
    expect(name).not.toHaveAttribute('aria-required');
    expect(name).toHaveAccessibleDescription('Left blank, it is named after your password manager.');
    const hint = document.getElementById(`${name.id}-hint`);
    expect(hint).toHaveAttribute('data-credkit-part', 'hint');
    expect(name).toHaveAttribute('aria-describedby', hint?.id);
    // The other fields of step 2 stay required.
    for (const required of ['Code from the e-mail', 'Recovery key ID', 'Recovery code']) {
      expect(field(required)).toBeRequired();
    }
  });

  it(
    "should recover with a passkey left without a name under its provider's name, and announce that name",
    async () => {
      const requests = await recoverWith(GOOGLE, '');
      await waitFor(
        () =>
          expect(screen.getByRole('status')).toHaveTextContent(
            'Your account is recovered. Your new passkey “Google Password Manager” is ready.',
          ),
        CRYPTO,
      );
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
      expect(postedName(requests)).toBe('Google Password Manager');
    },
    TEST_TIMEOUT,
  );

  it(
    'should take a name of spaces only as blank',
    async () => {
      const requests = await recoverWith(APPLE, '   ');
      await waitFor(
        () => expect(screen.getByRole('status')).toHaveTextContent('Your new passkey “Apple Passwords” is ready.'),
        CRYPTO,
      );
      expect(postedName(requests)).toBe('Apple Passwords');
    },
    TEST_TIMEOUT,
  );

  it(
    "should keep a typed name, not the provider's",
    async () => {
      const requests = await recoverWith(GOOGLE, '  Work laptop ');
      await waitFor(
        () => expect(screen.getByRole('status')).toHaveTextContent('Your new passkey “Work laptop” is ready.'),
        CRYPTO,
      );
      expect(postedName(requests)).toBe('Work laptop');
    },
    TEST_TIMEOUT,
  );

  it(
    'should name it "Passkey" when the attestation names no provider',
    async () => {
      const requests = await recoverWith(null, '');
      await waitFor(
        () => expect(screen.getByRole('status')).toHaveTextContent('Your new passkey “Passkey” is ready.'),
        CRYPTO,
      );
      expect(postedName(requests)).toBe('Passkey');
    },
    TEST_TIMEOUT,
  );

  it("should take the host's label and hint, and no hint when given false", () => {
    // With a host backend, the form opens on step 2: the name field is there at once.
    const host = { challengeSource: async () => ({}), completion: async () => ({}), rp };
    const { rerender } = renderWithClient(
      <RecoverAccount.Root
        {...host}
        messages={{
          labels: { credentialName: 'Nom du passkey (facultatif)' },
          optionalNameHint: 'Vide : le nom du gestionnaire.',
        }}
      >
        <RecoverAccount.PasskeyNameField />
      </RecoverAccount.Root>,
    );
    expect(field('Nom du passkey (facultatif)')).toHaveAccessibleDescription('Vide : le nom du gestionnaire.');
    rerender(
      <RecoverAccount.Root {...host}>
        <RecoverAccount.PasskeyNameField hint={false} />
      </RecoverAccount.Root>,
    );
    expect(field(NAME)).not.toHaveAttribute('aria-describedby');
    expect(document.querySelector('[data-credkit-part="hint"]')).not.toBeInTheDocument();
  });
});
