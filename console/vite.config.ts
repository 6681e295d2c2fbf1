import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The privacy officer's console, built into console/dist and served by the gateway at /privacy. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/privacy/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2_000 },
  logLevel: 'warn',
});
