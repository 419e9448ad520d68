import { useQuery } from '@tanstack/react-query';
import { fetcher } from './config.ts';

interface MockUser {
  userId: string;
  username: string;
  displayName: string;
}

/** Who the demo is signed in as: the mock backend's seeded user (`GET /auth/users/me`, a mock-only route). */
export function SignedInUser({ onSignOut, signingOut = false }: { onSignOut?: () => void; signingOut?: boolean }) {
  const { data, error } = useQuery({
    queryKey: ['demo', 'me'],
    queryFn: ({ signal }) => fetcher({ method: 'GET', path: '/auth/users/me', signal }) as Promise<MockUser>,
  });
  if (error) return <p role="alert">Cannot reach the mock backend: {error.message}</p>;
  if (!data) return <p>Signing in…</p>;
  return (
    <p data-testid="signed-in-user" className="signed-in" title={data.userId}>
      <span>
        Signed in as <strong>{data.displayName}</strong>
        {data.displayName === data.username ? null : <> ({data.username})</>}
      </span>{' '}
      {onSignOut ? (
        <button type="button" className="button" onClick={onSignOut} disabled={signingOut}>
          {signingOut ? 'Signing out…' : 'Sign out'}
        </button>
      ) : null}
    </p>
  );
}
