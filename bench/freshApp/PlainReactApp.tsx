// Baseline B of the fresh app (bench/src/freshApp.ts): the same page with neither credkit nor
// react-query, just React rendering a form that posts with `fetch`.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

function RegisterForm() {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        const response = await fetch('/api/auth/credentials', {
          method: 'POST',
          headers: { Authorization: 'Bearer token', 'Content-Type': 'application/json' },
          body: JSON.stringify({ credentialName: name }),
        });
        setError(response.ok ? null : `${response.status}`);
        setBusy(false);
      }}
    >
      <label>
        Credential name <input value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <button type="submit" disabled={busy}>
        Register passkey
      </button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}

function App() {
  return (
    <>
      <h1>Security</h1>
      <RegisterForm />
    </>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
