import { useCredentials } from '@credkit/react';
import { fetcher, signalUser } from './config.ts';

/** The user's credentials, refreshed by react-query after each registration. */
export function CredentialList() {
  const { data, error, isPending } = useCredentials(fetcher, { user: signalUser() });
  if (isPending) return <p>Loading credentials…</p>;
  if (error) return <p role="alert">Could not load your credentials: {error.message}</p>;
  if (data.length === 0) return <p>No credentials yet.</p>;
  return (
    <ul aria-label="Credentials" className="credentials">
      {data.map((credential) => (
        <li key={credential.credentialUuid} data-credential-id={credential.credentialId}>
          <strong>{credential.name}</strong> <span className="kind">{credential.kind}</span>
          <dl>
            <dt>Credential id</dt>
            <dd>
              <code>{credential.credentialId}</code>
            </dd>
            <dt>Created</dt>
            <dd>
              <time dateTime={credential.dateCreated}>{new Date(credential.dateCreated).toLocaleString()}</time>
            </dd>
            <dt>Origin</dt>
            <dd>{credential.origin}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
