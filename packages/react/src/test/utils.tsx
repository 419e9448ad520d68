import type { CreateCredentialResponse, CredentialCreator, Fetcher, FetcherRequest } from '@credkit/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { vi } from 'vitest';

export const createdCredential: CreateCredentialResponse = {
  kind: 'Fido2',
  credentialId: 'AQID',
  credentialUuid: 'cr-34514-nip9c-8bppvgqgj28dbodrc',
  dateCreated: '2026-11-24T00:00:00.000Z',
  isActive: true,
  name: 'Work laptop',
  publicKey: '-----BEGIN PUBLIC KEY-----',
  relyingPartyId: 'localhost',
  origin: 'http://localhost:5173',
};

export const challengeResponse = {
  kind: 'Fido2',
  user: { id: 'us-1', displayName: 'Demo User', name: 'demo@credkit.dev' },
  challengeIdentifier: 'ci-1',
  challenge: 'abc123',
  authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
  attestation: 'none',
  pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
  excludeCredentials: [],
};

/** A promise and its resolvers, to hold a step open while the test looks at the UI. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A fetcher that records requests and answers like the Dfns API, each answer overridable. */
export function fakeFetcher(answers: Partial<Record<string, (request: FetcherRequest) => unknown>> = {}) {
  const requests: FetcherRequest[] = [];
  /** The requests answered so far (with a body or an error). */
  const answered: FetcherRequest[] = [];
  const fetcher: Fetcher = vi.fn(async (request: FetcherRequest) => {
    requests.push(request);
    try {
      return await answer(request);
    } finally {
      answered.push(request);
    }
  });
  const answer = async (request: FetcherRequest) => {
    const key = `${request.method} ${request.path}`;
    const answer = answers[key];
    if (answer) return answer(request);
    if (key === 'POST /auth/credentials/init') {
      const { kind } = request.body as { kind: string };
      if (kind === 'Fido2') return challengeResponse;
      const { authenticatorSelection: _a, excludeCredentials: _e, ...keyChallenge } = challengeResponse;
      return { ...keyChallenge, kind };
    }
    if (key === 'POST /auth/credentials') {
      const body = request.body as { credentialName: string; credentialKind: CreateCredentialResponse['kind'] };
      return { ...createdCredential, name: body.credentialName, kind: body.credentialKind };
    }
    if (key === 'GET /auth/credentials') return { items: [] };
    throw new Error(`unexpected ${key}`);
  };
  return { fetcher, requests, answered };
}

/**
 * An attestationObject (CBOR, `fmt: "none"`) whose authData carries `aaguid`: what a passkey
 * provider's authenticator returns, e.g. Google Password Manager's `ea9b8d66-…`.
 */
export function attestationWithAaguid(aaguid: string): ArrayBuffer {
  const text = (value: string) => [0x60 + value.length, ...new TextEncoder().encode(value)];
  const aaguidBytes = (aaguid.replaceAll('-', '').match(/../g) ?? []).map((hex) => Number.parseInt(hex, 16));
  // rpIdHash (32), flags UP | UV | AT, signCount (4), AAGUID (16), credential id length 1, id, a stand-in key.
  const authData = [...Array(32).fill(0x11), 0x45, 0, 0, 0, 0, ...aaguidBytes, 0x00, 0x01, 0x7f, 0xa0];
  return new Uint8Array([
    0xa3,
    ...text('fmt'),
    ...text('none'),
    ...text('attStmt'),
    0xa0,
    ...text('authData'),
    0x58,
    authData.length,
    ...authData,
  ]).buffer;
}

/**
 * A credentials container whose `create` resolves with a well-formed attestation credential; its
 * attestationObject carries no AAGUID (a passkey left without a name is named "Passkey").
 */
export function fakeCredentials(create?: CredentialCreator['create']): CredentialCreator {
  const bytes = (text: string) => new TextEncoder().encode(text).buffer;
  return {
    create: vi.fn(
      create ??
        (async () =>
          ({
            id: 'AQID',
            rawId: new Uint8Array([1, 2, 3]).buffer,
            type: 'public-key',
            response: { clientDataJSON: bytes('{}'), attestationObject: bytes('cbor') },
          }) as unknown as Credential),
    ),
  };
}

/** {@link fakeCredentials} for a passkey made by the provider whose AAGUID is `aaguid`. */
export function providerCredentials(aaguid: string): CredentialCreator {
  return fakeCredentials(
    async () =>
      ({
        id: 'AQID',
        rawId: new Uint8Array([1, 2, 3]).buffer,
        type: 'public-key',
        response: {
          clientDataJSON: new TextEncoder().encode('{}').buffer,
          attestationObject: attestationWithAaguid(aaguid),
        },
      }) as unknown as Credential,
  );
}

export function createTestQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

export function wrapperFor(client: QueryClient) {
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
}

export function renderWithClient(ui: ReactElement, client = createTestQueryClient()) {
  return { client, ...render(ui, { wrapper: wrapperFor(client) }) };
}
