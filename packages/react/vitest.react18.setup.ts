import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';

// pnpm links react-dom-18 to the workspace's `react` (19) as its peer, so react-dom 18's own
// `require('react')` would load React 19 (and crash on `ReactCurrentDispatcher`). Vite's alias never
// sees a require made by Node, so send every CommonJS `react`/`react-dom` request of this run to 18.
const require = createRequire(import.meta.url);
const targets: Record<string, string> = {
  react: dirname(require.resolve('react-18/package.json')),
  'react-dom': dirname(require.resolve('react-dom-18/package.json')),
};

type Resolve = (request: string, ...rest: unknown[]) => string;
const nodeModule = Module as unknown as { _resolveFilename: Resolve & { credkitReact18?: true } };
if (!nodeModule._resolveFilename.credkitReact18) {
  const resolveFilename = nodeModule._resolveFilename;
  const redirected: Resolve = function (this: unknown, request, ...rest) {
    const match = /^(react|react-dom)(\/.*)?$/.exec(request);
    const target = match?.[1] ? `${targets[match[1]]}${match[2] ?? ''}` : request;
    return resolveFilename.call(this, target, ...rest);
  };
  nodeModule._resolveFilename = Object.assign(redirected, { credkitReact18: true as const });
}

// The shared setup imports @testing-library/react, hence React: only after the hook.
await import('./vitest.setup.ts');
