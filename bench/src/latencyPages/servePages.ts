// The latency bench's pages (bench/src/latency.ts): bundled with esbuild and served on localhost.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';

const pagesDir = new URL('./', import.meta.url);

/** The bundles the pages load: minified, for the browser, workspace sources through `@credkit/source`. */
async function bundlePages(): Promise<Map<string, string>> {
  const common: BuildOptions = {
    bundle: true,
    platform: 'browser',
    minify: true,
    write: false,
    conditions: ['@credkit/source'],
    define: { 'process.env.NODE_ENV': '"production"' },
    absWorkingDir: fileURLToPath(new URL('../..', import.meta.url)),
    logLevel: 'silent',
  };
  const [pages, instrument] = await Promise.all([
    build({
      ...common,
      entryPoints: {
        credkit: fileURLToPath(new URL('credkitPage.tsx', pagesDir)),
        baseline: fileURLToPath(new URL('baselinePage.ts', pagesDir)),
      },
      format: 'esm',
      splitting: true,
      outdir: 'latency-out',
      // React's profiling build: production React that still calls Profiler's onRender.
      alias: { 'react-dom/client': 'react-dom/profiling' },
    }),
    build({
      ...common,
      entryPoints: [fileURLToPath(new URL('instrument.ts', pagesDir))],
      format: 'iife',
      outfile: 'latency-out/instrument.js',
    }),
  ]);
  const files = new Map<string, string>();
  for (const file of [...(pages.outputFiles ?? []), ...(instrument.outputFiles ?? [])]) {
    files.set(`/${file.path.split('/').pop()}`, file.text);
  }
  return files;
}

function html(body: string, script: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>credkit latency</title></head><body>${body}<script type="module" src="/${script}"></script></body></html>`;
}

/** A static server for the pages on localhost; cross-origin isolated, for finer `performance.now()`. */
async function serveStatic(files: Map<string, string>): Promise<{ server: Server; origin: string }> {
  const routes = new Map<string, { type: string; body: string }>([
    ['/credkit.html', { type: 'text/html', body: html('<div id="root"></div>', 'credkit.js') }],
    [
      '/baseline.html',
      {
        type: 'text/html',
        body: html(
          '<label for="name">Credential name</label> <input id="name" autocomplete="off"> <button id="register" type="button">Register passkey</button><p id="status" role="status" data-state="idle"></p>',
          'baseline.js',
        ),
      },
    ],
  ]);
  for (const [path, body] of files) {
    if (path.endsWith('.js')) routes.set(path, { type: 'text/javascript', body });
  }
  const server = createServer((request, response) => {
    const route = routes.get(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, {
        'Content-Type': `${route.type}; charset=utf-8`,
        'Cache-Control': 'no-store',
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
      })
      .end(route.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, 'localhost', resolve);
  });
  return { server, origin: `http://localhost:${(server.address() as AddressInfo).port}` };
}

/** The served pages: `/credkit.html` and `/baseline.html` at `origin`, and the init script they need. */
export interface ServedPages {
  origin: string;
  /** The instrumentation, to pass to Playwright's `addInitScript`. */
  instrument: string;
  close: () => Promise<void>;
}

/** Bundles the pages and serves them on a free localhost port. */
export async function servePages(): Promise<ServedPages> {
  const files = await bundlePages();
  const instrument = files.get('/instrument.js');
  if (!instrument) throw new Error('the instrumentation bundle is missing');
  const { server, origin } = await serveStatic(files);
  return { origin, instrument, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
