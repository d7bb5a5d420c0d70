// Build of the web UI: sources in web/, output in web/dist (served by the express app); in development
// the Vite server forwards /api to the API server on port 3000.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // vega and pdf.js are large by nature; the views load them lazily, so they land in chunks of their own.
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
