import type { Fetcher } from '@credkit/core';
import { getUserToken } from './host.ts';

// A fetcher of your own: it must honour the whole contract.
export const fetcher: Fetcher = async ({ method, path, body, bodyText, headers, signal }) => {
  const response = await fetch(`https://api.dfns.io${path}`, {
    method,
    // bodyText, when given, is what a user-action signature covers: send exactly those bytes.
    body: bodyText ?? (body === undefined ? null : JSON.stringify(body)),
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await getUserToken()}`, ...headers },
    signal: signal ?? null,
  });
  const answer: unknown = await response.json().catch(() => undefined);
  // An object with a numeric status becomes a `server` (or `forbidden`) CredkitError, with the server's message.
  if (!response.ok) throw { status: response.status, error: (answer as { error?: unknown } | undefined)?.error };
  return answer;
};
