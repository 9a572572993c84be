import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is a static bundle: the Electron shell loads it from disk, the browser host serves it on
// loopback. Relative asset paths keep both working.
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: '../build/renderer',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
  },
});
