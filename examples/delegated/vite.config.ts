import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the app's server (npm start, port 3000) answers /api; built, it serves the app itself.
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
