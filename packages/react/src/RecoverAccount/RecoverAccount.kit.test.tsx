import { formatRecoveryKit } from '@credkit/core/keys';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { encryptedRecoveryKey, RECOVERY_CODE, recoveryBackend, recoveryCredentials } from '../test/recoverAccount.ts';
import { renderWithClient } from '../test/utils.tsx';
import { RecoverAccount } from './RecoverAccount.tsx';

// Issue 28: <RecoverAccount> asked for the ID and the code, but took neither from the kit Download wrote.
const rp = { id: 'localhost', name: 'credkit' };
const CRYPTO = { timeout: 20_000 };
const KEY_ID = 'q1Vn0Z4b3y_-Xo2rM8kqTqL5D1wz0hYpA9cU7eS6fGk';
const KIT = formatRecoveryKit(
  { site: 'localhost', username: 'ada@example.com', credentialId: KEY_ID, recoveryCode: RECOVERY_CODE },
  'Keep it offline.',
);
let encryptedKey: string;
beforeAll(async () => {
  encryptedKey = await encryptedRecoveryKey();
}, 30_000);

const field = (name: string) => screen.getByRole('textbox', { name });
const kitFile = () => screen.getByLabelText('Or open your recovery kit (the .txt you downloaded)');

async function toStepTwo(user: ReturnType<typeof userEvent.setup>) {
  const { fetcher, requests } = recoveryBackend(encryptedKey);
  renderWithClient(<RecoverAccount fetcher={fetcher} orgId="or-1" rp={rp} credentials={recoveryCredentials()} />);
  await user.type(field('Username'), 'ada@example.com');
  await user.click(screen.getByRole('button', { name: 'Send the code' }));
  await screen.findByRole('textbox', { name: 'Code from the e-mail' }, CRYPTO);
  return requests;
}

describe('RecoverAccount and the recovery kit', () => {
  it('should fill the ID and the code from a whole kit pasted into the ID field, and say so', async () => {
    const user = userEvent.setup();
    await toStepTwo(user);
    await user.click(field('Recovery key ID'));
    await user.paste(KIT);
    expect(field('Recovery key ID')).toHaveValue(KEY_ID);
    expect(field('Recovery code')).toHaveValue(RECOVERY_CODE);
    expect(screen.getByRole('status')).toHaveTextContent(
      'Recovery kit read: the recovery key ID and code are filled in.',
    );
  });

  it('should paste a plain ID as it is', async () => {
    const user = userEvent.setup();
    await toStepTwo(user);
    await user.click(field('Recovery key ID'));
    await user.paste(KEY_ID);
    expect(field('Recovery key ID')).toHaveValue(KEY_ID);
    expect(field('Recovery code')).toHaveValue('');
  });

  it('should read the downloaded file into the fields', async () => {
    const user = userEvent.setup();
    await toStepTwo(user);
    await user.upload(kitFile(), new File([KIT], 'recovery-kit-recovery.txt', { type: 'text/plain' }));
    await waitFor(() => expect(field('Recovery key ID')).toHaveValue(KEY_ID));
    expect(field('Recovery code')).toHaveValue(RECOVERY_CODE);
    expect(kitFile()).not.toHaveAttribute('aria-invalid');
  });

  it('should say what is wrong with a file that is not a kit, on the file input, and fill nothing', async () => {
    const user = userEvent.setup();
    await toStepTwo(user);
    await user.upload(kitFile(), new File(['Milk\nEggs\n'], 'shopping.txt', { type: 'text/plain' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'This recovery kit cannot be used. This is not a recovery kit: it has no “Recovery key ID” and no “Recovery code” line.',
    );
    expect(kitFile()).toHaveAttribute('aria-invalid', 'true');
    expect(kitFile()).toHaveAccessibleDescription(alert.textContent ?? '');
    expect(field('Recovery key ID')).toHaveValue('');
  });

  it('should refuse a pasted kit with a malformed code, and a kit of another site', async () => {
    const user = userEvent.setup();
    await toStepTwo(user);
    await user.click(field('Recovery code'));
    await user.paste(`Recovery key ID: ${KEY_ID}\nRecovery code: D1-12345`);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This recovery kit’s “Recovery code” is not a recovery code (D1- and six groups of five).',
    );
    expect(field('Recovery code')).toHaveValue('');

    await user.upload(
      kitFile(),
      new File([KIT.replaceAll('localhost', 'evil.example')], 'kit.txt', { type: 'text/plain' }),
    );
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('This recovery kit is for evil.example, not for localhost.'),
    );
    expect(field('Recovery key ID')).toHaveValue('');
  });
});
