import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by `liaison serve` at `/` (Vite's default base); `pnpm dev` proxies the API to a running server.
export default defineConfig({
  plugins: [react()],
  // The workspace packages are CommonJS builds: pre-bundle them for the dev server.
  optimizeDeps: { include: ['@liaison/domain', '@liaison/events'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: { proxy: { '/api': process.env.LIAISON_API ?? 'http://127.0.0.1:3000' } },
});
