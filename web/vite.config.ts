import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  // As in Node, a JSON module is its default export only; a variable per top-level key would
  // only make the bundle bigger (the skills catalog has 430).
  json: { namedExports: false },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The CSP allows no inline script: keep the module preload polyfill out of index.html.
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/healthz': 'http://127.0.0.1:3000' },
  },
});
