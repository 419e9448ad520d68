import { createFetcher } from '@credkit/core';
import { useLogout } from '@credkit/react';
import { forgetToken, getUserToken } from './host.ts';

const fetcher = createFetcher({
  baseUrl: 'https://api.dfns.io',
  headers: async () => ({ Authorization: `Bearer ${await getUserToken()}` }),
});

export function SignOutButton() {
  const logout = useLogout({ fetcher });
  return (
    <button
      type="button"
      disabled={logout.isPending}
      // PUT /auth/logout ends the token on the server; the page forgets it whatever the answer.
      onClick={() => logout.mutate(undefined, { onSettled: () => forgetToken() })}
    >
      Sign out
    </button>
  );
}
