import '@credkit/react/styles.css';
import { QueryClient, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api.ts';
import { Credentials } from './Credentials.tsx';
import { Recover } from './Recover.tsx';
import { SignIn } from './SignIn.tsx';
import { SignUp } from './SignUp.tsx';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
/** The app's session, as its server sees it (`GET /api/me`; a 401 is "signed out"). */
export const meQueryKey = ['me'] as const;

function Screens() {
  const client = useQueryClient();
  const me = useQuery({
    queryKey: meQueryKey,
    queryFn: async ({ signal }) =>
      (await api({ method: 'GET', path: '/me', signal }).catch(() => null)) as { username: string } | null,
  });
  const refresh = () => client.invalidateQueries({ queryKey: meQueryKey });

  if (me.isPending) return <p>Loading…</p>;
  if (me.data) return <Credentials username={me.data.username} onSignedOut={refresh} />;
  return (
    <>
      <SignUp onSignedUp={refresh} />
      <SignIn onSignedIn={refresh} />
      <Recover />
    </>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <main>
        <h1>An app with its own backend</h1>
        <p>
          Its server keeps the accounts, the sessions and every Dfns token; the browser only makes passkeys and signs.
        </p>
        <Screens />
      </main>
    </QueryClientProvider>
  );
}
