// Baseline A of the fresh app (bench/src/freshApp.ts): the same page without credkit, in a host that
// already uses react-query: a challenge fetched with `useQuery`, the form posted with `useMutation`.
import { QueryClient, QueryClientProvider, useMutation, useQuery } from '@tanstack/react-query';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

const queryClient = new QueryClient();

async function post(path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`/api${path}`, {
    method: 'POST',
    headers: { Authorization: 'Bearer token', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

function RegisterForm() {
  const [name, setName] = useState('');
  const challenge = useQuery({ queryKey: ['challenge'], queryFn: () => post('/auth/credentials/init', {}) });
  const register = useMutation({
    mutationFn: (credentialName: string) => post('/auth/credentials', { credentialName, challenge: challenge.data }),
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        register.mutate(name);
      }}
    >
      <label>
        Credential name <input value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <button type="submit" disabled={register.isPending || !challenge.data}>
        Register passkey
      </button>
      {register.error && <p role="alert">{register.error.message}</p>}
    </form>
  );
}

function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <h1>Security</h1>
      <RegisterForm />
    </QueryClientProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
