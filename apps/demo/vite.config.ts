import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, loadEnv, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const entry = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The static site runs the mock backend in the page: a Node built-in that only resolves to Vite's empty
 * browser stub is a build error (an npm polyfill of the same name, as `buffer` for the Dfns SDK, is fine).
 */
function noNodeBuiltins(): Plugin {
  const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
  return {
    name: 'credkit:no-node-builtins',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!builtins.has(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external || resolved.id.includes('browser-external')) {
        this.error(
          `${source}, a Node built-in, is imported by ${importer ?? 'an entry'}: the static demo runs in browsers`,
        );
      }
      return resolved;
    },
  };
}

/** The pages' `<meta name="referrer">` as a header too: a `?code=` link is a credential, for no other site. */
const headers = { 'Referrer-Policy': 'no-referrer' };

export default defineConfig(({ mode }) => ({
  plugins: [react(), noNodeBuiltins()],
  // Relative asset URLs: the static build works under any path of any static host.
  base: './',
  // Consume the workspace packages' TypeScript sources: no build step for the demo.
  resolve: { conditions: ['@credkit/source', ...defaultClientConditions] },
  server: { host: 'localhost', port: 5173, strictPort: true, headers },
  // The interop page's CommonJS Dfns SDK, and SimpleWebAuthn (imported through @credkit/core's sources),
  // are pre-bundled at start, so no reload happens mid-test.
  optimizeDeps: { include: ['@dfns/sdk', '@dfns/sdk-browser', '@simplewebauthn/browser'] },
  build: {
    rollupOptions: {
      // The interop page is dev-only when the mock runs in the page: @dfns/sdk resolves its paths against
      // the origin (`new URL('/auth/…', baseUrl)`), dropping the `<base>mock-api/full` the mock lives under.
      input: {
        main: entry('./index.html'),
        // The host that calls SimpleWebAuthn itself: credkit's fetcher takes the base URL as it is.
        simplewebauthn: entry('./simplewebauthn.html'),
        ...(loadEnv(mode, here, 'VITE_CREDKIT_').VITE_CREDKIT_MOCK !== 'browser' && {
          interop: entry('./interop.html'),
        }),
      },
      // @simplewebauthn/server (in the mock) imports the CommonJS reflect-metadata polyfill before
      // tsyringe, which checks for it as it loads: without strict order, Rolldown runs that check
      // first and the page throws (https://github.com/vitejs/vite/issues/21866).
      output: { strictExecutionOrder: true },
    },
  },
  // `vite preview` serves the static build (dist/) on its own port, next to the dev server's.
  preview: { host: 'localhost', port: 4173, strictPort: true, headers },
}));
