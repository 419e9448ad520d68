// In the browser: a POST to your own backend, which knows the person by its session cookie.
export async function post(path: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'include',
    signal: signal ?? null, // credkit's: Cancel, unmounting or a newer attempt aborts the request
  });
  const answer: unknown = await response.json().catch(() => undefined);
  // An object with a numeric status becomes a `server` (or `forbidden`) CredkitError, with the server's message.
  if (!response.ok) throw { status: response.status, error: (answer as { error?: unknown } | undefined)?.error };
  return answer;
}
