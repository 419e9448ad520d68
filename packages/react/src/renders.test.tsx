import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler } from 'react';
import { describe, expect, it } from 'vitest';
import { RegisterCredential } from './RegisterCredential/RegisterCredential.tsx';
import { fakeCredentials, fakeFetcher, renderWithClient } from './test/utils.tsx';

const rp = { id: 'localhost', name: 'credkit' };

/** The most commits one registration (click → success, challenge prefetched) may cost. */
const COMMIT_BUDGET = 6;

describe('RegisterCredential renders', () => {
  it(`should commit at most ${COMMIT_BUDGET} times from the click to the success, challenge prefetched`, async () => {
    const user = userEvent.setup();
    const { fetcher, answered } = fakeFetcher();
    const phases: string[] = [];
    let counting = false;
    renderWithClient(
      <Profiler
        id="register-credential"
        onRender={() => {
          if (counting) phases.push(document.querySelector('form')?.getAttribute('data-state') ?? '?');
        }}
      >
        <RegisterCredential fetcher={fetcher} rp={rp} credentials={fakeCredentials()} />
      </Profiler>,
    );
    await user.type(screen.getByRole('textbox', { name: /^Credential name/ }), 'Work laptop');
    // Warm: the prefetched challenge has settled, so the click goes straight to the ceremony.
    await waitFor(() => expect(answered.map((request) => request.path)).toEqual(['/auth/credentials/init']));

    counting = true;
    await user.click(screen.getByRole('button', { name: 'Register passkey' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Passkey “Work laptop” registered.'));
    counting = false;

    // The phase each commit showed, so that a failure says where the extra commits come from.
    expect(phases.at(-1)).toBe('success');
    expect(phases).not.toContain('challenge');
    expect(phases.length, phases.join(' → ')).toBeLessThanOrEqual(COMMIT_BUDGET);
  });
});
