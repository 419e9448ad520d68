// The demo's record of what it sent to the (mock) Dfns API and what came back, for the wire panel.
// Recorded in the host's `fetch` (config.ts hands it to createFetcher), redacted before it is kept.
import { redactBody, redactHeaders, redactPath, type ShownBody } from './redact.ts';

/** One request and its answer, as the panel shows them (secrets already replaced). */
export interface WireStep {
  id: number;
  method: string;
  /** The API path, with the query: `/auth/credentials/init`. */
  path: string;
  requestHeaders: [string, string][];
  requestBody: ShownBody;
  /** Not yet answered: `undefined`. */
  response?:
    | { kind: 'answer'; status: number; statusText: string; body: ShownBody }
    | { kind: 'no-answer'; reason: string };
}

/** What an operation came to: under way (more steps may come), done, failed, or stopped (aborted by the page). */
export type WireOperationState = 'under-way' | 'done' | 'failed' | 'stopped';

/** The steps of one operation (sign up, add a credential, …), in order. */
export interface WireOperation {
  id: number;
  steps: WireStep[];
  state: WireOperationState;
}

/**
 * A step that opens an operation of its own: the challenge request of a flow. `/auth/action/init` is
 * not one: it is the middle of the operation whose change it signs (or the start of one that has no
 * challenge of its own, such as deactivating a credential).
 */
function opensOperation(path: string): boolean {
  const pathname = path.split('?')[0] ?? path;
  return pathname.endsWith('/init') && pathname !== '/auth/action/init';
}

/** A step after which the operation waits for more: a challenge, or a user action (`/auth/action`). */
function expectsMore(path: string): boolean {
  const pathname = path.split('?')[0] ?? path;
  return pathname.endsWith('/init') || pathname === '/auth/action';
}

function stateAfter(step: WireStep): WireOperationState {
  const { response } = step;
  if (!response) return 'under-way';
  if (response.kind === 'no-answer') return response.reason === 'AbortError' ? 'stopped' : 'failed';
  if (response.status >= 400) return 'failed';
  return expectsMore(step.path) ? 'under-way' : 'done';
}

/** The wire log: record steps, and read the operations (newest last) as a React external store. */
export interface WireLog {
  /** Records a request; returns what to call with its answer. */
  begin(request: Omit<WireStep, 'id' | 'response'>): (response: NonNullable<WireStep['response']>) => void;
  /** The operations kept, oldest first; a new array after each change. */
  getSnapshot(): readonly WireOperation[];
  subscribe(listener: () => void): () => void;
  clear(): void;
}

/** A wire log that keeps the last `keep` operations. */
export function createWireLog({ keep = 6 }: { keep?: number } = {}): WireLog {
  let operations: readonly WireOperation[] = [];
  let nextId = 1;
  const listeners = new Set<() => void>();
  const publish = (next: readonly WireOperation[]) => {
    operations = next.slice(-keep);
    for (const listener of listeners) listener();
  };
  const replace = (operation: WireOperation) =>
    publish(operations.map((kept) => (kept.id === operation.id ? operation : kept)));

  return {
    begin(request) {
      const step: WireStep = { ...request, id: nextId++ };
      const current = operations.at(-1);
      // A new operation: nothing under way, or a new challenge (the last one was dropped or spent).
      const joins = current && current.state === 'under-way' && !opensOperation(step.path);
      const operation: WireOperation = joins
        ? { ...current, steps: [...current.steps, step] }
        : { id: nextId++, steps: [step], state: 'under-way' };
      if (joins) replace(operation);
      else publish([...operations, operation]);

      return (response) => {
        const kept = operations.find((candidate) => candidate.id === operation.id);
        if (!kept) return;
        const steps = kept.steps.map((seen) => (seen.id === step.id ? { ...seen, response } : seen));
        const last = steps.at(-1);
        replace({ ...kept, steps, state: last?.id === step.id ? stateAfter({ ...step, response }) : kept.state });
      };
    },
    getSnapshot: () => operations,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear: () => publish([]),
  };
}

/**
 * A `fetch` for createFetcher that records each call in `log`, redacted: the path after `baseUrl`,
 * the headers and JSON bodies both ways, the status. Reads (`GET`) are not recorded: the panel shows
 * what changes something.
 */
export function recordingFetch(log: WireLog, baseUrl: string, send: typeof fetch = (...args) => fetch(...args)) {
  const base = baseUrl.replace(/\/+$/, '');
  const recorded: typeof fetch = async (input, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    if (method === 'GET') return send(input, init);
    const url = String(input instanceof Request ? input.url : input);
    const end = log.begin({
      method,
      path: redactPath(url.startsWith(base) ? url.slice(base.length) : url),
      requestHeaders: redactHeaders(new Headers(init?.headers)),
      requestBody: redactBody(typeof init?.body === 'string' ? init.body : undefined),
    });
    let response: Response;
    try {
      response = await send(input, init);
    } catch (error) {
      end({ kind: 'no-answer', reason: error instanceof Error ? error.name : 'error' });
      throw error;
    }
    // A copy: the caller reads the body it was given.
    const text = await response
      .clone()
      .text()
      .catch(() => '');
    end({ kind: 'answer', status: response.status, statusText: response.statusText, body: redactBody(text) });
    return response;
  };
  return recorded;
}

/** The demo's one wire log. */
export const wireLog = createWireLog();
