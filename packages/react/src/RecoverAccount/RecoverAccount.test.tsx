import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  encryptedRecoveryKey,
  RECOVERY_CODE,
  RECOVERY_KEY_ID,
  recoveryBackend,
  recoveryCredentials,
  refusal,
} from '../test/recoverAccount.ts';
import { deferred, renderWithClient } from '../test/utils.tsx';
import { RecoverAccount } from './RecoverAccount.tsx';

const rp = { id: 'localhost', name: 'credkit' };
// Unwrapping runs PBKDF2 with 600,000 iterations: give the crypto room.
const CRYPTO = { timeout: 20_000 };
const TEST_TIMEOUT = 60_000;
let encryptedKey: string;
beforeAll(async () => {
  encryptedKey = await encryptedRecoveryKey();
}, 30_000);

const field = (name: string) => screen.getByRole('textbox', { name });
const paths = (requests: { path: string }[]) => requests.map((r) => r.path);

/** Step 1, then step 2 filled in with `recoveryCode`. */
async function fillIn(user: ReturnType<typeof userEvent.setup>, recoveryCode: string) {
  await user.type(field('Username'), 'ada@example.com');
  await user.click(screen.getByRole('button', { name: 'Send the code' }));
  await screen.findByRole('textbox', { name: 'Code from the e-mail' }, CRYPTO);
  await user.type(field('Code from the e-mail'), ' 123456 ');
  await user.type(field('Recovery key ID'), RECOVERY_KEY_ID);
  await user.type(field('Recovery code'), recoveryCode);
  await user.type(field('Name of the new passkey (optional)'), 'New phone');
}

describe('RecoverAccount', () => {
  it(
    'should send the code, then recover with the code as people type it, and add the passkey',
    async () => {
      const user = userEvent.setup();
      const { fetcher, requests } = recoveryBackend(encryptedKey);
      const credentials = recoveryCredentials();
      const onRecovered = vi.fn();
      const onDone = vi.fn();
      renderWithClient(
        <RecoverAccount
          fetcher={fetcher}
          orgId="or-1"
          rp={rp}
          credentials={credentials}
          onRecovered={onRecovered}
          onDone={onDone}
        />,
      );
      expect(screen.queryByRole('textbox', { name: 'Recovery code' })).not.toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Recover and add a passkey' })).not.toBeInTheDocument();

      const typed = RECOVERY_CODE.toLowerCase().replaceAll('-', ' ');
      await fillIn(user, typed);
      expect(screen.getByRole('status')).toHaveTextContent('We e-mailed you a code');
      expect(requests[0]).toMatchObject({
        method: 'POST',
        path: '/auth/recover/user/code',
        body: { username: 'ada@example.com', orgId: 'or-1' },
      });
      expect(field('Code from the e-mail')).toHaveAttribute('autocomplete', 'one-time-code');
      const code = field('Recovery code');
      expect(code).toHaveAttribute('autocomplete', 'off');
      expect(code).toHaveAttribute('spellcheck', 'false');
      expect(screen.getByRole('button', { name: 'Send a new code' })).toBeEnabled();

      await user.click(screen.getByRole('button', { name: 'Recover and add a passkey' }));
      const status = screen.getByRole('status');
      await waitFor(
        () => expect(status).toHaveTextContent('Your account is recovered. Your new passkey “New phone” is ready.'),
        CRYPTO,
      );
      // Once the success is painted.
      await waitFor(() => expect(status).toHaveFocus());
      expect(status).toHaveAttribute('data-state', 'success');
      // The root is marked like every credkit component's, for styles.css and the host's own CSS.
      expect(status.closest('form[data-credkit="recover-account"]')).toHaveAttribute('data-state', 'success');
      expect(paths(requests)).toEqual(['/auth/recover/user/code', '/auth/recover/user/init', '/auth/recover/user']);
      expect(requests[1]?.body).toEqual({
        username: 'ada@example.com',
        verificationCode: '123456',
        orgId: 'or-1',
        credentialId: RECOVERY_KEY_ID,
      });
      expect(requests[2]?.headers).toMatchObject({ Authorization: 'Bearer ci-1' });
      expect(requests[2]?.body).toMatchObject({
        recovery: { kind: 'RecoveryKey', credentialAssertion: { credId: RECOVERY_KEY_ID } },
        newCredentials: { firstFactorCredential: { credentialKind: 'Fido2', credentialName: 'New phone' } },
      });
      expect(credentials.create).toHaveBeenCalledTimes(1);
      // The recovery code never leaves the page, and is not kept once used.
      expect(JSON.stringify(requests)).not.toContain(RECOVERY_CODE);
      expect(field('Recovery code')).toHaveValue('');
      expect(onRecovered).toHaveBeenCalledWith(expect.objectContaining({ credential: expect.anything() }));

      // A new recovery key (on by default: recovery ends the old one) went in the same call; its ID
      // and code are shown once, and the code never left the page either.
      const sent = requests[2]?.body as {
        newCredentials: { recoveryCredential: { credentialKind: string; credentialInfo: { credId: string } } };
      };
      expect(sent.newCredentials.recoveryCredential.credentialKind).toBe('RecoveryKey');
      expect(status).toHaveTextContent('Save your new recovery key below: it is shown only once.');
      const newKey = screen.getByRole('group', { name: 'Your new recovery key' });
      const shownId = screen.getByRole('textbox', { name: 'New recovery key ID' });
      const shownCode = screen.getByRole('textbox', { name: 'New recovery code' });
      expect(newKey).toContainElement(shownCode);
      expect(shownId).toHaveValue(sent.newCredentials.recoveryCredential.credentialInfo.credId);
      expect((shownCode as HTMLInputElement).value).toMatch(/^D1(-[0-9A-Z]{5}){6}$/);
      expect(JSON.stringify(requests)).not.toContain((shownCode as HTMLInputElement).value);
      // Done (where a host navigates away) only once the person has saved the new key.
      expect(onDone).not.toHaveBeenCalled();
      await user.click(screen.getByRole('button', { name: 'I have saved them' }));
      expect(screen.queryByRole('group', { name: 'Your new recovery key' })).not.toBeInTheDocument();
      expect(status).toHaveFocus();
      expect(onDone).toHaveBeenCalledTimes(1);
      expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ recoveryKey: expect.anything() }), undefined);
    },
    TEST_TIMEOUT,
  );

  it(
    'should make no new recovery key when the person unchecks it',
    async () => {
      const user = userEvent.setup();
      const { fetcher, requests } = recoveryBackend(encryptedKey);
      const onDone = vi.fn();
      renderWithClient(
        <RecoverAccount fetcher={fetcher} orgId="or-1" rp={rp} credentials={recoveryCredentials()} onDone={onDone} />,
      );
      await fillIn(user, RECOVERY_CODE);
      const option = screen.getByRole('checkbox', {
        name: 'Also make a new recovery key (recovery ends your old one)',
      });
      expect(option).toBeChecked();
      await user.click(option);
      await user.click(screen.getByRole('button', { name: 'Recover and add a passkey' }));
      await waitFor(() => expect(screen.getByRole('status')).toHaveAttribute('data-state', 'success'), CRYPTO);
      expect(requests[2]?.body).toMatchObject({
        newCredentials: { firstFactorCredential: { credentialKind: 'Fido2' } },
      });
      expect(requests[2]?.body).not.toHaveProperty('newCredentials.recoveryCredential');
      expect(screen.queryByRole('group', { name: 'Your new recovery key' })).not.toBeInTheDocument();
      await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1), CRYPTO);
    },
    TEST_TIMEOUT,
  );

  it(
    'should show text that is not a recovery code on its field, sending nothing',
    async () => {
      const user = userEvent.setup();
      const { fetcher, requests } = recoveryBackend(encryptedKey);
      renderWithClient(<RecoverAccount fetcher={fetcher} orgId="or-1" rp={rp} credentials={recoveryCredentials()} />);
      await fillIn(user, 'my dog’s name');
      await user.click(screen.getByRole('button', { name: 'Recover and add a passkey' }));
      const alert = screen.getByRole('alert');
      expect(alert).toHaveTextContent('This is not a recovery code');
      expect(alert).toHaveAttribute('data-field', 'recoveryCode');
      expect(field('Recovery code')).toHaveAttribute('aria-invalid', 'true');
      expect(field('Recovery code')).toHaveAttribute('aria-describedby', alert.id);
      expect(paths(requests)).toEqual(['/auth/recover/user/code']);
    },
    TEST_TIMEOUT,
  );

  it(
    'should show a passkey name core refuses on its field, sending nothing more',
    async () => {
      const user = userEvent.setup();
      const { fetcher, requests } = recoveryBackend(encryptedKey);
      renderWithClient(<RecoverAccount fetcher={fetcher} orgId="or-1" rp={rp} credentials={recoveryCredentials()} />);
      await fillIn(user, RECOVERY_CODE);
      // Not blank, so the form lets it through; the name rule (in core) refuses the bidi override.
      await user.type(field('Name of the new passkey (optional)'), '\u202Eenohp');
      await user.click(screen.getByRole('button', { name: 'Recover and add a passkey' }));
      const alert = await screen.findByRole('alert', {}, CRYPTO);
      expect(alert).toHaveTextContent(/^The credential name must not contain bidirectional control characters/);
      expect(alert).toHaveAttribute('data-field', 'credentialName');
      const name = field('Name of the new passkey (optional)');
      expect(name).toHaveAttribute('aria-invalid', 'true');
      // The error first, then the hint under the field.
      expect(name).toHaveAttribute('aria-describedby', `${alert.id} ${name.id}-hint`);
      expect(paths(requests)).toEqual(['/auth/recover/user/code']);
    },
    TEST_TIMEOUT,
  );

  it(
    'should show a wrong recovery code on its field, with no passkey made and nothing posted',
    async () => {
      const user = userEvent.setup();
      const { fetcher, requests } = recoveryBackend(encryptedKey);
      const credentials = recoveryCredentials();
      renderWithClient(<RecoverAccount fetcher={fetcher} orgId="or-1" rp={rp} credentials={credentials} />);
      await fillIn(user, RECOVERY_CODE.replace('7H2QK', '7H2QM'));
      await user.click(screen.getByRole('button', { name: 'Recover and add a passkey' }));

      const alert = await screen.findByRole('alert', {}, CRYPTO);
      expect(alert).toHaveTextContent('This recovery code does not open your recovery key. Check it and try again.');
      expect(alert).toHaveAttribute('data-code', 'wrong-password');
      expect(alert).toHaveFocus();
      expect(field('Recovery code')).toHaveAttribute('aria-invalid', 'true');
      expect(field('Recovery code')).toHaveAttribute('aria-describedby', alert.id);
      expect(field('Code from the e-mail')).not.toHaveAttribute('aria-invalid');
      expect(credentials.create).not.toHaveBeenCalled();
      expect(paths(requests)).not.toContain('/auth/recover/user');

      // The e-mailed code was spent by that attempt: a new one clears the error.
      await user.click(screen.getByRole('button', { name: 'Send a new code' }));
      await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('We e-mailed you a code'), CRYPTO);
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
      expect(field('Recovery code')).not.toHaveAttribute('aria-invalid');
      expect(paths(requests).filter((path) => path === '/auth/recover/user/code')).toHaveLength(2);
    },
    TEST_TIMEOUT,
  );

  it.each([400, 401])(
    'should show a code refused with %i on the e-mailed code field',
    async (status) => {
      const user = userEvent.setup();
      const { fetcher, requests } = recoveryBackend(encryptedKey, {
        'POST /auth/recover/user/init': refusal(status, 'invalid or expired verification code'),
      });
      const credentials = recoveryCredentials();
      renderWithClient(<RecoverAccount fetcher={fetcher} orgId="or-1" rp={rp} credentials={credentials} />);
      await fillIn(user, RECOVERY_CODE);
      await user.click(screen.getByRole('button', { name: 'Recover and add a passkey' }));

      const alert = await screen.findByRole('alert', {}, CRYPTO);
      expect(alert).toHaveTextContent('This code is wrong or expired. Send a new one.');
      expect(field('Code from the e-mail')).toHaveAttribute('aria-invalid', 'true');
      expect(field('Code from the e-mail')).toHaveAttribute('aria-describedby', alert.id);
      expect(field('Recovery code')).not.toHaveAttribute('aria-invalid');
      expect(credentials.create).not.toHaveBeenCalled();
      expect(paths(requests)).not.toContain('/auth/recover/user');
    },
    TEST_TIMEOUT,
  );

  it(
    'should show a recovery key ID the server does not offer on its field',
    async () => {
      const user = userEvent.setup();
      const { fetcher } = recoveryBackend('unused');
      const credentials = recoveryCredentials();
      renderWithClient(<RecoverAccount fetcher={fetcher} orgId="or-1" rp={rp} credentials={credentials} />);
      await fillIn(user, RECOVERY_CODE);
      await user.clear(field('Recovery key ID'));
      await user.type(field('Recovery key ID'), 'another-id');
      await user.click(screen.getByRole('button', { name: 'Recover and add a passkey' }));

      const alert = await screen.findByRole('alert', {}, CRYPTO);
      expect(alert).toHaveTextContent('No recovery key of yours has this ID. Check it and try again.');
      expect(field('Recovery key ID')).toHaveAttribute('aria-invalid', 'true');
      expect(credentials.create).not.toHaveBeenCalled();
    },
    TEST_TIMEOUT,
  );

  it(
    'should sign in with the new passkey after recovering, with signInAfter',
    async () => {
      const user = userEvent.setup();
      const { fetcher, requests } = recoveryBackend(encryptedKey);
      const onSignedIn = vi.fn();
      renderWithClient(
        <RecoverAccount
          fetcher={fetcher}
          orgId="or-1"
          rp={rp}
          credentials={recoveryCredentials()}
          signInAfter
          onSignedIn={onSignedIn}
        />,
      );
      await fillIn(user, RECOVERY_CODE);
      await user.click(screen.getByRole('button', { name: 'Recover and add a passkey' }));

      await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith('new-token', { token: 'new-token' }), CRYPTO);
      expect(screen.getByRole('status')).toHaveTextContent(
        'Your account is recovered. Your new passkey “New phone” is ready. You are signed in.',
      );
      expect(paths(requests).slice(-2)).toEqual(['/auth/login/init', '/auth/login']);
      expect(requests.at(-2)?.body).toMatchObject({ username: 'ada@example.com', orgId: 'or-1' });
    },
    TEST_TIMEOUT,
  );

  it(
    'should say the account is recovered, and show the new key, when the sign-in after it fails',
    async () => {
      const user = userEvent.setup();
      const { fetcher } = recoveryBackend(encryptedKey, {
        'POST /auth/login/init': refusal(400, 'login refused'),
      });
      renderWithClient(
        <RecoverAccount fetcher={fetcher} orgId="or-1" rp={rp} credentials={recoveryCredentials()} signInAfter />,
      );
      await fillIn(user, RECOVERY_CODE);
      await user.click(screen.getByRole('button', { name: 'Recover and add a passkey' }));
      const alert = await screen.findByRole('alert', {}, CRYPTO);
      expect(alert).toHaveTextContent('Your account is recovered, but signing in with the new passkey did not work.');
      expect(alert).not.toHaveAttribute('data-field');
      expect(field('Code from the e-mail')).not.toHaveAttribute('aria-invalid');
      // Its key is registered: its code must be shown all the same.
      const shownCode = screen.getByRole('textbox', { name: 'New recovery code' }) as HTMLInputElement;
      expect(shownCode.value).toMatch(/^D1-/);
    },
    TEST_TIMEOUT,
  );

  it(
    'should stop on Cancel while the new passkey is made, posting nothing',
    async () => {
      const user = userEvent.setup();
      const { fetcher, requests } = recoveryBackend(encryptedKey);
      const prompt = deferred<Credential | null>();
      const credentials = recoveryCredentials(() => prompt.promise);
      renderWithClient(<RecoverAccount fetcher={fetcher} orgId="or-1" rp={rp} credentials={credentials} />);
      await fillIn(user, RECOVERY_CODE);
      await user.click(screen.getByRole('button', { name: 'Recover and add a passkey' }));

      await waitFor(() => expect(credentials.create).toHaveBeenCalled(), CRYPTO);
      expect(screen.getByRole('status')).toHaveTextContent('Follow your browser’s prompt to create your new passkey…');
      await user.click(screen.getByRole('button', { name: 'Cancel' }));
      const alert = await screen.findByRole('alert', {}, CRYPTO);
      expect(alert).toHaveAttribute('data-code', 'cancelled');
      expect(paths(requests)).not.toContain('/auth/recover/user');
      expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    },
    TEST_TIMEOUT,
  );

  it(
    'should ask for the username before sending anything',
    async () => {
      const user = userEvent.setup();
      const { fetcher, requests } = recoveryBackend(encryptedKey);
      renderWithClient(<RecoverAccount fetcher={fetcher} orgId="or-1" rp={rp} credentials={recoveryCredentials()} />);
      await user.click(screen.getByRole('button', { name: 'Send the code' }));
      expect(screen.getByRole('alert')).toHaveTextContent('Enter your username.');
      expect(field('Username')).toHaveAttribute('aria-invalid', 'true');
      expect(requests).toHaveLength(0);
    },
    TEST_TIMEOUT,
  );
});
