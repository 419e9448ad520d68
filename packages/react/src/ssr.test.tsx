// @vitest-environment node
// Server rendering: importing and rendering credkit's React parts touches neither window nor navigator.
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToPipeableStream, renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import * as credkitReact from './index.ts';

describe('server rendering', () => {
  it('should run in Node with no window or navigator', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it("should mark the entry 'use client' (Next.js App Router) as its first statement", () => {
    const entry = readFileSync(new URL('./index.ts', import.meta.url), 'utf8');
    expect(entry.trimStart().startsWith("'use client';")).toBe(true);
  });

  it('should render the authenticator choices on the server without deciding for the browser', () => {
    const html = renderToString(
      <QueryClientProvider client={new QueryClient()}>
        <credkitReact.RegisterCredential
          fetcher={async () => ({})}
          rp={{ name: 'credkit' }}
          authenticatorChoices={['this-device', 'security-key', 'phone']}
        />
      </QueryClientProvider>,
    );
    // Capabilities are unknown on the server: every choice is offered, the first one selected.
    expect(html).toContain('This device');
    expect(html).toContain('Security key');
    expect(html).toContain('Phone or tablet');
  });

  // The password fields are a chunk loaded when a PasswordProtectedKey form shows them: streaming server
  // rendering (what frameworks use) waits for it; the legacy renderToString leaves them to the client.
  it('should stream a PasswordProtectedKey form with its password fields, once their chunk is in', async () => {
    const form = (
      <QueryClientProvider client={new QueryClient()}>
        <credkitReact.RegisterCredential
          fetcher={async () => ({})}
          rp={{ name: 'credkit' }}
          kind="PasswordProtectedKey"
        />
      </QueryClientProvider>
    );
    const html = await new Promise<string>((resolve, reject) => {
      let streamed = '';
      const sink = new PassThrough();
      sink.on('data', (chunk: Buffer) => {
        streamed += chunk.toString();
      });
      sink.on('end', () => resolve(streamed));
      const stream = renderToPipeableStream(form, {
        onAllReady: () => stream.pipe(sink),
        onShellError: reject,
        onError: reject,
      });
    });
    expect(html).toContain('name="password"');
    expect(html).toContain('name="passwordConfirmation"');
    expect(html).toContain('Create password-protected key');
  });

  it('should render <RegisterCredential> to a string, idle, with its field, button and live region', () => {
    const fetcher = async () => {
      throw new Error('no request may be sent during server rendering');
    };
    const html = renderToString(
      <QueryClientProvider client={new QueryClient()}>
        <credkitReact.RegisterCredential fetcher={fetcher} rp={{ name: 'credkit' }} />
      </QueryClientProvider>,
    );
    expect(html).toContain('data-state="idle"');
    expect(html).toContain('Credential name');
    expect(html).toContain('Register passkey');
    expect(html).toContain('role="status"');
  });

  it('should render <SignIn> to a string, idle, its autofill not started', () => {
    const fetcher = async () => {
      throw new Error('no request may be sent during server rendering');
    };
    const html = renderToString(<credkitReact.SignIn fetcher={fetcher} orgId="or-1" />);
    expect(html).toContain('data-credkit="sign-in"');
    expect(html).toContain('data-state="idle"');
    expect(html).toContain('data-autofill="idle"');
    expect(html).toContain('autoComplete="username webauthn"');
    expect(html).toContain('Sign in with a passkey');
  });

  it('should report every capability as unknown on the server', () => {
    let seen: unknown;
    function Probe() {
      seen = credkitReact.useWebAuthnCapabilities();
      return null;
    }
    renderToString(
      <QueryClientProvider client={new QueryClient()}>
        <Probe />
      </QueryClientProvider>,
    );
    expect(seen).toEqual({
      webAuthn: 'unknown',
      platformAuthenticator: 'unknown',
      conditionalCreate: 'unknown',
      hybridTransport: 'unknown',
      hints: 'unknown',
      nativeJSON: 'unknown',
    });
  });
});
