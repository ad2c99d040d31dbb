import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * One HTML entry per window. The console is the root so its index.html lands at the top of
 * dist/renderer, where `npm run serve` and Electron's loadFile expect it. The Status Message
 * Viewer's page sits beside it (its HTML in the same root, so it lands beside index.html as
 * status-viewer.html); the log viewer will join as a further input.
 */
export default defineConfig({
  root: here('./windows/console'),
  // Relative asset URLs: Electron loads the console from file://, the browser from /.
  base: './',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: here('../dist/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    // Chromium supports modulepreload natively; the polyfill would only add code.
    modulePreload: { polyfill: false },
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        console: here('./windows/console/index.html'),
        statusViewer: here('./windows/console/status-viewer.html'),
        'log-viewer': here('./windows/console/log-viewer.html'),
      },
    },
  },
  server: {
    strictPort: false,
  },
});
