import type { Context } from 'hono';
import type { ResolvedMockOptions } from '../config.ts';

/** What `listen` hands each request beside it (Node's request): the connection it came on. */
interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/**
 * Who sent the request, for the per-client caps: the host's `clientOf`, else the connection's remote
 * address under `listen`; nobody in process (the `fetch` handler has no connection).
 */
export function clientOf(c: Context, options: Pick<ResolvedMockOptions, 'clientOf'>): string | undefined {
  if (options.clientOf) return options.clientOf(c.req.raw);
  return (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress;
}
