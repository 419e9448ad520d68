import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMockHandler } from './handler.ts';

/** Every source file `entry` reaches through relative imports, and the packages it imports. */
function importGraph(entry: URL) {
  const files = new Map<string, string>();
  const packages = new Set<string>();
  const visit = (url: URL) => {
    if (files.has(url.href)) return;
    const source = readFileSync(url, 'utf8');
    files.set(url.href, source);
    for (const [, specifier = ''] of source.matchAll(/^(?:import|export)[^'"]*from\s+'([^']+)'/gm)) {
      if (specifier.startsWith('.')) visit(new URL(specifier, url));
      else packages.add(specifier);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('@credkit/mock-backend/handler', () => {
  it('should answer as a (Request) => Promise<Response> handler', async () => {
    const handle = createMockHandler({ token: 'handler-token' });
    const listed = await handle(
      new Request('https://anywhere.test/auth/credentials', { headers: { Authorization: 'Bearer handler-token' } }),
    );
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual({ items: [] });
    expect((await handle(new Request('https://anywhere.test/auth/credentials'))).status).toBe(401);
  });

  it('should reach no Node built-in, Buffer or process: it runs in browsers and Service Worker pages', () => {
    const { files, packages } = importGraph(new URL('./handler.ts', import.meta.url));
    expect(files.size).toBeGreaterThan(10);
    // Runtime-neutral packages only (not @hono/node-server); @credkit/names is plain string code.
    for (const name of packages) expect(name).toMatch(/^(hono|@simplewebauthn\/server|@credkit\/names)(\/|$)/);
    for (const [file, source] of files) {
      expect(source, file).not.toMatch(/\bBuffer\b|\bprocess\.|\brequire\(|node:/);
    }
  });
});
