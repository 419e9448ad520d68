/**
 * Whether a request failed because its client went away before the body was read: Node's HTTP
 * server ends the body stream with `Error: aborted` (`ECONNRESET`), and `@hono/node-server` aborts
 * the request's signal once the connection closes. The client hears no answer: nothing to fix here.
 */
export function isClientDisconnect(error: unknown, request: Request): boolean {
  if (request.signal.aborted) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && (code === 'ECONNRESET' || (code === undefined && error.message === 'aborted'));
}
