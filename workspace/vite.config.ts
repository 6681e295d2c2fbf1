import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The coordinator's workspace, built into workspace/dist and served by the gateway at /samordning. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/samordning/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2_000 },
  logLevel: 'warn',
});
