import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    // bench/budgets.test.ts reads the manifest to size each route's JS and CSS.
    manifest: true,
    emptyOutDir: true,
    // Cloudscape is large; routes are split, the shared vendor chunk stays above the default limit.
    chunkSizeWarningLimit: 1500,
  },
});
