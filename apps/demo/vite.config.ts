import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Consume the workspace packages' TypeScript sources: no build step for the demo.
  resolve: { conditions: ['@credkit/source', ...defaultClientConditions] },
  server: { host: 'localhost', port: 5173, strictPort: true },
  // The interop page's CommonJS Dfns SDK is pre-bundled at start, so no reload happens mid-test.
  optimizeDeps: { include: ['@dfns/sdk', '@dfns/sdk-browser'] },
  build: {
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        interop: fileURLToPath(new URL('./interop.html', import.meta.url)),
      },
    },
  },
  preview: { host: 'localhost', port: 5173, strictPort: true },
});
