// <RecoverAccount> when the host's backend obtains the recovery challenge: it asks for no username and
// no e-mailed code, tells the backend which recovery key, and hands the body to the completion.
import type { RecoveryChallengeContext } from '@credkit/core/keys';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { encryptedRecoveryKey, RECOVERY_CODE, RECOVERY_KEY_ID, recoveryCredentials } from '../test/recoverAccount.ts';
import { challengeResponse, renderWithClient } from '../test/utils.tsx';
import { RecoverAccount } from './RecoverAccount.tsx';

const rp = { id: 'localhost', name: 'credkit' };
// Unwrapping runs PBKDF2 with 600,000 iterations: give the crypto room.
const CRYPTO = { timeout: 20_000 };
let encryptedKey: string;
beforeAll(async () => {
  encryptedKey = await encryptedRecoveryKey();
}, 30_000);

describe('RecoverAccount with a host backend', () => {
  it('should ask only for the recovery key and the passkey name, and recover through the host', async () => {
    const user = userEvent.setup();
    const challengeSource = vi.fn(async (_context: RecoveryChallengeContext) => ({
      ...challengeResponse,
      temporaryAuthenticationToken: 'temporary-token',
      allowedRecoveryCredentials: [{ id: RECOVERY_KEY_ID, encryptedRecoveryKey: encryptedKey }],
    }));
    const completion = vi.fn(async () => ({
      credential: { uuid: 'cr-new', kind: 'Fido2', name: 'New phone' },
      user: { id: 'us-1', username: 'ada@example.com', orgId: 'or-1' },
    }));
    renderWithClient(
      <RecoverAccount
        challengeSource={challengeSource}
        completion={completion}
        rp={rp}
        credentials={recoveryCredentials()}
        defaultNewRecoveryKey={false}
      />,
    );
    const form = document.querySelector('form[data-credkit="recover-account"]');
    expect(form).toHaveAttribute('data-state', 'recover');
    expect(screen.queryByRole('textbox', { name: 'Username' })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Code from the e-mail' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Send/ })).not.toBeInTheDocument();
    // Nothing takes focus on its own: no code was sent.
    expect(document.body).toHaveFocus();

    await user.type(screen.getByRole('textbox', { name: 'Recovery key ID' }), RECOVERY_KEY_ID);
    await user.type(screen.getByRole('textbox', { name: 'Recovery code' }), RECOVERY_CODE);
    await user.type(screen.getByRole('textbox', { name: 'Name of the new passkey (optional)' }), 'New phone');
    await user.click(screen.getByRole('button', { name: 'Recover and add a passkey' }));

    await waitFor(
      () =>
        expect(screen.getByRole('status')).toHaveTextContent(
          'Your account is recovered. Your new passkey “New phone” is ready.',
        ),
      CRYPTO,
    );
    expect(challengeSource).toHaveBeenCalledWith({ credentialId: RECOVERY_KEY_ID, signal: expect.any(AbortSignal) });
    expect(completion).toHaveBeenCalledWith(
      {
        recovery: { kind: 'RecoveryKey', credentialAssertion: expect.objectContaining({ credId: RECOVERY_KEY_ID }) },
        newCredentials: {
          firstFactorCredential: expect.objectContaining({ credentialKind: 'Fido2', credentialName: 'New phone' }),
        },
      },
      { temporaryAuthenticationToken: 'temporary-token', signal: expect.any(AbortSignal) },
    );
    expect(JSON.stringify(completion.mock.calls)).not.toContain(RECOVERY_CODE);
  }, 60_000);

  it('should show a refusal by the host backend as an alert, not as a wrong e-mailed code', async () => {
    const user = userEvent.setup();
    const challengeSource = async () => {
      throw Object.assign(new Error('Not found'), { httpStatus: 404, context: { body: { error: { message: 'x' } } } });
    };
    renderWithClient(
      <RecoverAccount
        challengeSource={challengeSource}
        completion={vi.fn()}
        rp={rp}
        credentials={recoveryCredentials()}
      />,
    );
    await user.type(screen.getByRole('textbox', { name: 'Recovery key ID' }), RECOVERY_KEY_ID);
    await user.type(screen.getByRole('textbox', { name: 'Recovery code' }), RECOVERY_CODE);
    await user.type(screen.getByRole('textbox', { name: 'Name of the new passkey (optional)' }), 'New phone');
    await user.click(screen.getByRole('button', { name: 'Recover and add a passkey' }));
    const alert = await screen.findByRole('alert', {}, CRYPTO);
    expect(alert).toHaveTextContent('The server refused the request (HTTP 404).');
    for (const name of ['Recovery key ID', 'Recovery code', 'Name of the new passkey (optional)']) {
      expect(screen.getByRole('textbox', { name })).not.toHaveAttribute('aria-invalid');
    }
  }, 60_000);
});
