import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The families' app, built into family/dist and served by the gateway at /familj. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/familj/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2_000 },
  logLevel: 'warn',
});
