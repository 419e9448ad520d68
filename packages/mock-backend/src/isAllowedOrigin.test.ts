import { describe, expect, it } from 'vitest';
import { allowedOriginsText, isAllowedOrigin } from './isAllowedOrigin.ts';
import { expectDfnsError, registration, setupBackend } from './testHelpers.ts';

describe('isAllowedOrigin', () => {
  describe('without configured origins (the default)', () => {
    it.each([
      'http://localhost:4173',
      'http://localhost:5173',
      'http://localhost:65535',
      'http://localhost',
      'http://127.0.0.1:8080',
    ])('should accept the loopback origin %s', (origin) => {
      expect(isAllowedOrigin(origin, undefined)).toBe(true);
    });

    it.each([
      'http://evil.example',
      'https://localhost.evil.com',
      'http://localhost.evil.com:80',
      'http://127.0.0.1.evil.com',
      'http://evil.localhost:5173',
      'https://localhost:5173',
      'http://localhost:5173/',
      'http://localhost:0',
      'http://localhost:65536',
      'http://[::1]:5173',
      'null',
      '',
    ])('should refuse %j', (origin) => {
      expect(isAllowedOrigin(origin, undefined)).toBe(false);
    });
  });

  describe('with configured origins', () => {
    it('should accept exactly those, and no loopback origin besides', () => {
      const origins = ['https://app.example.com', 'http://localhost:3000'];
      expect(isAllowedOrigin('https://app.example.com', origins)).toBe(true);
      expect(isAllowedOrigin('http://localhost:3000', origins)).toBe(true);
      expect(isAllowedOrigin('https://app.example.com/', origins)).toBe(false);
      expect(isAllowedOrigin('http://localhost:5173', origins)).toBe(false);
      expect(isAllowedOrigin('http://localhost:5173', [])).toBe(false);
    });
  });

  it('should say what is allowed', () => {
    expect(allowedOriginsText(undefined)).toBe('http://localhost:<any port>, http://127.0.0.1:<any port>');
    expect(allowedOriginsText(['https://a.example', 'https://b.example'])).toBe('https://a.example, https://b.example');
  });
});

describe('the default origins, in the backend', () => {
  const preflight = (backend: ReturnType<typeof setupBackend>['backend'], origin: string) =>
    backend.fetch(
      new Request('http://mock.test/auth/credentials', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      }),
    );

  it('should answer CORS preflights from any loopback port, and not from another host', async () => {
    const { backend } = setupBackend({ origins: undefined });
    for (const origin of ['http://localhost:4173', 'http://localhost:5173', 'http://127.0.0.1:3000']) {
      expect((await preflight(backend, origin)).headers.get('access-control-allow-origin')).toBe(origin);
    }
    for (const origin of ['http://evil.example', 'https://localhost.evil.com', 'http://localhost.evil.com:80']) {
      expect((await preflight(backend, origin)).headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('should take a registration from any loopback port, and refuse another host by the same rule', async () => {
    const { call } = setupBackend({ origins: undefined });
    const created = await call(
      'POST',
      '/auth/credentials',
      await registration(call, { origin: 'http://localhost:4173' }),
    );
    expect(created.status).toBe(200);
    expect(created.body.origin).toBe('http://localhost:4173');
    expectDfnsError(
      await call('POST', '/auth/credentials', await registration(call, { origin: 'http://localhost.evil.com:80' })),
      400,
      /^origin http:\/\/localhost\.evil\.com:80 is not allowed \(allowed: http:\/\/localhost:<any port>, http:\/\/127\.0\.0\.1:<any port>\)$/,
    );
  });
});
