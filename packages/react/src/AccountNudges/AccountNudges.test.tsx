import type { NudgeStorage } from '@credkit/core';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AccountNudges } from './AccountNudges.tsx';

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  const storage: NudgeStorage = {
    get: (key) => values.get(key) ?? null,
    set: (key, value) => void values.set(key, value),
  };
  return { storage, values };
}

const onePasskey = [{ kind: 'Fido2' as const, isActive: true }];

describe('AccountNudges', () => {
  it('should say what an account with one passkey lacks, each with its action', async () => {
    const onAction = vi.fn();
    render(<AccountNudges credentials={onePasskey} storage={memoryStorage().storage} onAction={onAction} />);
    const region = await screen.findByRole('region', { name: 'Make your account safer' });
    expect(region).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Create a recovery key' }));
    expect(onAction).toHaveBeenCalledWith('create-recovery-key');
    expect(screen.getByRole('button', { name: 'Add a passkey on another device' })).toBeTruthy();
  });

  it('should render nothing while the credentials load, or when nothing is lacking', async () => {
    const { container, rerender } = render(<AccountNudges credentials={undefined} onAction={() => {}} />);
    expect(container.innerHTML).toBe('');
    const safe = [
      { kind: 'Fido2' as const, isActive: true },
      { kind: 'Fido2' as const, isActive: true },
      { kind: 'RecoveryKey' as const, isActive: true },
    ];
    rerender(<AccountNudges credentials={safe} passkeyOnThisDevice onAction={() => {}} />);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(container.innerHTML).toBe('');
  });

  it('should put a nudge off with "Not now", keep it in the storage, and move focus to the next one', async () => {
    const { storage, values } = memoryStorage();
    const { unmount } = render(
      <AccountNudges credentials={onePasskey} storage={storage} storageKey="u1" onAction={() => {}} />,
    );
    const [firstNotNow] = await screen.findAllByRole('button', { name: 'Not now' });
    await userEvent.click(firstNotNow as HTMLElement);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Add a passkey on another device' })).toBeNull());
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Create a recovery key' })),
    );
    expect(JSON.parse(values.get('u1') ?? '[]')).toEqual(['add-passkey-elsewhere']);
    unmount();

    // Next visit: still put off.
    render(<AccountNudges credentials={onePasskey} storage={storage} storageKey="u1" onAction={() => {}} />);
    await screen.findByRole('button', { name: 'Create a recovery key' });
    expect(screen.queryByRole('button', { name: 'Add a passkey on another device' })).toBeNull();
  });

  it('should offer a passkey here after a sign-in without one, in the texts the host gives', async () => {
    render(
      <AccountNudges
        credentials={[...onePasskey, { kind: 'RecoveryKey', isActive: true }]}
        passkeyOnThisDevice={false}
        storage={memoryStorage().storage}
        messages={{ actions: { 'add-passkey-here': 'Créer une clé d’accès ici' } }}
        onAction={() => {}}
      />,
    );
    expect(await screen.findByRole('button', { name: 'Créer une clé d’accès ici' })).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });
});
