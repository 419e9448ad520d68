import { expect } from 'vitest';
import type { MockBackendOptions } from './config.ts';
import { createMockBackend } from './createMockBackend.ts';
import { createSoftwareAuthenticator } from './testing/softwareAuthenticator.ts';

export const ORIGIN = 'http://localhost:5173';
export const TOKEN = 'test-token';

/** An in-process mock backend and a JSON client for it. Test-only. */
export function setupBackend(options: MockBackendOptions = {}) {
  const backend = createMockBackend({
    origins: [ORIGIN],
    rpId: 'localhost',
    token: TOKEN,
    // Most tests are about one call; user-action signing has its own tests.
    userActionSigning: 'off',
    ...options,
  });
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

export type Call = ReturnType<typeof setupBackend>['call'];

export async function init(call: Call) {
  const response = await call('POST', '/auth/credentials/init', { kind: 'Fido2' });
  expect(response.status).toBe(200);
  return response.body as { challenge: string; challengeIdentifier: string; excludeCredentials: { id: string }[] };
}

export async function registration(
  call: Call,
  {
    origin = ORIGIN,
    rpId = 'localhost',
    type,
    userVerification = true,
    credentialId,
    attestation,
  }: {
    origin?: string;
    rpId?: string;
    type?: string;
    userVerification?: boolean;
    credentialId?: string;
    attestation?: 'none' | 'packed';
  } = {},
) {
  const challenge = await init(call);
  const credentialInfo = await createSoftwareAuthenticator({ userVerification, attestation }).register({
    challenge: challenge.challenge,
    rpId,
    origin,
    type,
    credentialId,
  });
  return {
    credentialKind: 'Fido2',
    credentialName: 'Software key',
    challengeIdentifier: challenge.challengeIdentifier,
    credentialInfo,
  };
}

export function expectDfnsError(response: { status: number; body: unknown }, status: number, message: RegExp) {
  expect(response.status).toBe(status);
  expect(response.body).toEqual({ error: { message: expect.stringMatching(message) } });
}
