import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Consume the workspace packages' TypeScript sources: no build step for the demo.
  resolve: { conditions: ['@credkit/source', ...defaultClientConditions] },
  server: { host: 'localhost', port: 5173, strictPort: true },
  preview: { host: 'localhost', port: 5173, strictPort: true },
});
