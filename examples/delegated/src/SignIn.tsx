import { describeError, isCredkitError } from '@credkit/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { post } from './api.ts';

/** The app's own sign-in; its server then signs the user in to Dfns (delegated login): no passkey prompt. */
export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: () => post('/login', { username, password }),
    onSuccess: onSignedIn,
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    signIn.mutate();
  };
  return (
    <section aria-labelledby="signin-heading">
      <h2 id="signin-heading">Sign in</h2>
      <form onSubmit={onSubmit} aria-busy={signIn.isPending}>
        <label htmlFor="signin-username">Username</label>
        <input
          id="signin-username"
          type="email"
          autoComplete="username"
          required
          value={username}
          onChange={(event) => setUsername(event.target.value)}
        />
        <label htmlFor="signin-password">Password</label>
        <input
          id="signin-password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <button type="submit" disabled={signIn.isPending}>
          Sign in
        </button>
        {signIn.error ? (
          <p role="alert">{isCredkitError(signIn.error) ? describeError(signIn.error) : String(signIn.error)}</p>
        ) : null}
      </form>
    </section>
  );
}
