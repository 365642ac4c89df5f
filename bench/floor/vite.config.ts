import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The floor for this stack: the same Cloudscape components as the console's pages, no app code.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: { table: resolve(import.meta.dirname, 'table.html'), form: resolve(import.meta.dirname, 'form.html') },
    },
  },
});
