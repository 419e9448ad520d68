import type { MockBackendOptions } from './config.ts';
import { createMockBackend } from './createMockBackend.ts';

export const ORIGIN = 'http://localhost:5173';
export const TOKEN = 'test-token';

/** An in-process mock backend and a JSON client for it. Test-only. */
export function setupBackend(options: MockBackendOptions = {}) {
  const backend = createMockBackend({ origins: [ORIGIN], rpId: 'localhost', token: TOKEN, ...options });
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await backend.fetch(
      new Request(`http://mock.test${path}`, {
        method,
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json', Origin: ORIGIN, ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
    const text = await response.text();
    // biome-ignore lint/suspicious/noExplicitAny: tests read answers field by field and assert each one
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as any) : undefined };
  }
  return { backend, call };
}
