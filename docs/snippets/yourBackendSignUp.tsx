import { useRegisterUser } from '@credkit/react';
import { rp } from './host.ts';

/** A POST to your backend (your session cookie sent); its error statuses become `server` errors. */
async function callBackend(path: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'include',
    signal,
  });
  const answer: unknown = await response.json();
  if (!response.ok) throw { status: response.status, error: (answer as { error?: unknown }).error };
  return answer;
}

// The person is signed in to your app; your backend gets their Dfns challenge and completes the
// sign-up. The browser only makes the passkey: no orgId, username or registration code here.
export function CreatePasskey({ onDone }: { onDone: () => void }) {
  const { register, isBusy, error } = useRegisterUser({
    rp,
    challengeSource: ({ signal }) => callBackend('/api/dfns/sign-up/challenge', {}, signal),
    completion: (body, { signal }) => callBackend('/api/dfns/sign-up/complete', body, signal),
    onRegistered: onDone, // no `token`: your backend kept the user's Dfns token
  });
  return (
    <>
      <button type="button" disabled={isBusy} onClick={() => register({ credentialName: 'My passkey' })}>
        Create your passkey
      </button>
      {error ? <p role="alert">{error.message}</p> : null}
    </>
  );
}
