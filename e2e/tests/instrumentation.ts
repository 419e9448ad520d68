import type { Page } from '@playwright/test';

/**
 * One thing the page did, in order: a click, a fetch, a `create()` or `get()` call, its outcome, its
 * signal aborting, or a `PublicKeyCredential.signalUnknownCredential` call (its options as JSON).
 */
export interface PageEvent {
  type:
    | 'click'
    | 'fetch'
    | 'create'
    | 'create-settled'
    | 'create-aborted'
    | 'get'
    | 'get-settled'
    | 'get-aborted'
    | 'signal-unknown';
  detail: string;
  t: number;
}

declare global {
  interface Window {
    __credkitEvents: PageEvent[];
  }
}

/**
 * Records, inside the page and in order, clicks, fetches and `navigator.credentials.create` calls
 * (with their outcome and whether their signal was aborted). The ceremony still runs for real.
 */
export async function instrumentPage(page: Page, { removeWebAuthn = false } = {}) {
  await page.addInitScript(
    ({ removeWebAuthn }) => {
      const events: PageEvent[] = [];
      window.__credkitEvents = events;
      const record = (type: PageEvent['type'], detail: string) => events.push({ type, detail, t: performance.now() });

      if (removeWebAuthn) {
        // A browser without WebAuthn.
        Reflect.deleteProperty(window, 'PublicKeyCredential');
      }
      document.addEventListener('click', (event) => record('click', (event.target as Element).tagName), true);

      const originalFetch = window.fetch.bind(window);
      window.fetch = (input, init) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        record('fetch', `${init?.method ?? 'GET'} ${new URL(url, location.href).pathname}`);
        return originalFetch(input, init);
      };

      const signalApi = window.PublicKeyCredential as
        | (typeof PublicKeyCredential & { signalUnknownCredential?: (options: unknown) => Promise<void> })
        | undefined;
      const originalSignal = signalApi?.signalUnknownCredential?.bind(signalApi);
      if (signalApi && originalSignal) {
        signalApi.signalUnknownCredential = (options) => {
          record('signal-unknown', JSON.stringify(options));
          return originalSignal(options);
        };
      }

      const container = navigator.credentials;
      if (container?.create) {
        const originalCreate = container.create.bind(container);
        container.create = (options) => {
          const publicKey = options?.publicKey as
            | (PublicKeyCredentialCreationOptions & { hints?: string[] })
            | undefined;
          // What was asked for: the mediation (conditional create), the hints and the legacy attachment.
          record(
            'create',
            JSON.stringify({
              mediation: (options as { mediation?: string } | undefined)?.mediation,
              hints: publicKey?.hints,
              attachment: publicKey?.authenticatorSelection?.authenticatorAttachment,
            }),
          );
          options?.signal?.addEventListener('abort', () => record('create-aborted', String(options.signal?.reason)));
          const result = originalCreate(options);
          result.then(
            () => record('create-settled', 'resolved'),
            (error: Error) => record('create-settled', error.name),
          );
          return result;
        };
      }
      if (container?.get) {
        const originalGet = container.get.bind(container);
        container.get = (options) => {
          // What was asked for: the mediation (conditional: the autofill) and how many passkeys were allowed.
          record(
            'get',
            JSON.stringify({
              mediation: options?.mediation,
              allowCredentials: options?.publicKey?.allowCredentials?.length,
            }),
          );
          options?.signal?.addEventListener('abort', () => record('get-aborted', String(options.signal?.reason)));
          const result = originalGet(options);
          result.then(
            () => record('get-settled', 'resolved'),
            (error: Error) => record('get-settled', error.name),
          );
          return result;
        };
      }
    },
    { removeWebAuthn },
  );

  const events = () => page.evaluate(() => window.__credkitEvents);
  return {
    events,
    /** How many times `navigator.credentials.create` was called. */
    ceremonies: async () => (await events()).filter((event) => event.type === 'create').length,
    /** The `get()` calls, in order: their mediation and how many passkeys each allowed. */
    gets: async () =>
      (await events())
        .filter((event) => event.type === 'get')
        .map((event) => JSON.parse(event.detail) as { mediation?: string; allowCredentials?: number }),
    /** The outcome of each `get()` call, and the reason of each aborted one, in order. */
    getOutcomes: async () =>
      (await events())
        .filter((event) => event.type === 'get-settled' || event.type === 'get-aborted')
        .map((event) => `${event.type}: ${event.detail}`),
    /** The options of each `signalUnknownCredential` call. */
    unknownCredentialSignals: async () =>
      (await events())
        .filter((event) => event.type === 'signal-unknown')
        .map((event) => JSON.parse(event.detail) as { rpId: string; credentialId: string }),
  };
}

/** Collects console errors and uncaught exceptions of the page. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
