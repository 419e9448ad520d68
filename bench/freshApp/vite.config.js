// The fresh app's Vite config (copied into the app by bench/src/freshApp.ts): plugin-react, as
// `npm create vite` sets it up, plus a manifest that tells the chunks loaded at start from the lazy ones.
// FRESH_APP names the page to build (<name>.html), each into dist/<name>.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const app = process.env.FRESH_APP;
if (!app) throw new Error('Set FRESH_APP to the page to build');

export default defineConfig({
  plugins: [react()],
  build: {
    manifest: true,
    outDir: `dist/${app}`,
    emptyOutDir: true,
    rolldownOptions: { input: `${app}.html` },
  },
});
