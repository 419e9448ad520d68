import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { defineConfig, mergeConfig } from 'vitest/config';
import react19 from './vitest.config.ts';

// The same suite against React 18, installed as the npm aliases `react-18` and `react-dom-18`.
// Exactly one React may load, and React is reached three ways:
// - our sources and inlined dependencies are resolved by Vite: `resolve.alias` below;
// - dependencies that import React are inlined, so that the alias reaches their imports too (an
//   externalized ESM dependency would get React 19 from Node: @tanstack/react-query, without this);
// - a CommonJS `require('react')` (react-dom's own, @testing-library/react's) is Node's: vitest.react18.setup.ts.
// src/reactVersion.test.tsx fails if any of the three is missing.
const require = createRequire(import.meta.url);
const react18 = dirname(require.resolve('react-18/package.json'));
const reactDom18 = dirname(require.resolve('react-dom-18/package.json'));

const config = mergeConfig(
  react19,
  defineConfig({
    resolve: {
      alias: [
        // `react`, `react/jsx-runtime`, `react/jsx-dev-runtime`; `react-dom`, `react-dom/client`, `react-dom/server`, …
        { find: /^react(\/.*)?$/, replacement: `${react18}$1` },
        { find: /^react-dom(\/.*)?$/, replacement: `${reactDom18}$1` },
      ],
    },
    test: {
      name: 'react@18',
      env: { EXPECTED_REACT_MAJOR: '18' },
      server: { deps: { inline: ['@tanstack/react-query', '@testing-library/react'] } },
    },
  }),
);
// Replaced, not appended to (mergeConfig concatenates): the require hook must run before anything loads React.
config.test.setupFiles = ['./vitest.react18.setup.ts'];

export default config;
