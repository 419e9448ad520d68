import { createWebAuthnUserActionSigner, describeError, isCredkitError, signUserActionChallenge } from '@credkit/core';
import { RegisterCredential } from '@credkit/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, post } from './api.ts';
import { rp } from './rp.ts';

const credentialsQueryKey = ['credentials'] as const;
/** Confirms each change with one of the user's passkeys. */
const signer = createWebAuthnUserActionSigner();

interface Credential {
  credentialId: string;
  kind: string;
  name: string;
  isActive: boolean;
}

/**
 * The signed-in page: the user's credentials (the server lists them as the user), and a form to add a
 * passkey. The server asks Dfns for the challenge, the browser makes the passkey, the server asks Dfns
 * for the user action (`createCredentialInit`), the browser signs it with an existing passkey, and the
 * server completes (`createCredentialComplete`).
 */
export function Credentials({ username, onSignedOut }: { username: string; onSignedOut: () => void }) {
  const client = useQueryClient();
  const credentials = useQuery({
    queryKey: credentialsQueryKey,
    queryFn: async ({ signal }) =>
      ((await api({ method: 'GET', path: '/credentials', signal })) as { items: Credential[] }).items,
  });
  const signOut = useMutation({
    mutationFn: () => post('/logout', {}),
    onSettled: () => {
      client.removeQueries({ queryKey: credentialsQueryKey });
      onSignedOut();
    },
  });

  return (
    <section aria-labelledby="credentials-heading">
      <h2 id="credentials-heading">Signed in as {username}</h2>
      <ul aria-label="Credentials">
        {credentials.data?.map((credential) => (
          <li key={credential.credentialId} data-kind={credential.kind}>
            {credential.name} ({credential.kind})
          </li>
        ))}
      </ul>
      {credentials.error ? (
        <p role="alert">{isCredkitError(credentials.error) ? describeError(credentials.error) : 'Not loaded'}</p>
      ) : null}
      <RegisterCredential
        rp={rp}
        challengeSource={({ signal }) => post('/credentials/init', { kind: 'Fido2' }, signal)}
        completion={async (body, { signal }) => {
          const challenge = await post('/credentials', body, signal);
          const signedChallenge = await signUserActionChallenge(challenge, { signer, signal });
          return post('/credentials/complete', { signedChallenge }, signal);
        }}
        onRegistered={() => client.invalidateQueries({ queryKey: credentialsQueryKey })}
      />
      <button type="button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
        Sign out
      </button>
    </section>
  );
}
