import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * What the guidance Worker loads at run time, shipped inside the renderer build so the kiosk never reaches a
 * CDN (the CSP would refuse it anyway): the face model (human's BlazeFace + FaceMesh) and tfjs' WASM engine
 * (plain and SIMD; the threaded build needs cross-origin isolation, which the kiosk does not have).
 */
const RUNTIME_FILES: Readonly<Record<string, string>> = {
  'models/blazeface.json': 'node_modules/@vladmandic/human/models/blazeface.json',
  'models/blazeface.bin': 'node_modules/@vladmandic/human/models/blazeface.bin',
  'models/facemesh.json': 'node_modules/@vladmandic/human/models/facemesh.json',
  'models/facemesh.bin': 'node_modules/@vladmandic/human/models/facemesh.bin',
  'wasm/tfjs-backend-wasm.wasm': 'node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm',
  'wasm/tfjs-backend-wasm-simd.wasm':
    'node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm',
};

function shipRuntimeFiles(): Plugin {
  return {
    name: 'loket-runtime-files',
    generateBundle() {
      for (const [fileName, source] of Object.entries(RUNTIME_FILES)) {
        this.emitFile({ type: 'asset', fileName, source: readFileSync(fromRoot(`./${source}`)) });
      }
    },
  };
}

// The renderer is a static bundle: the Electron shell loads it from disk, the browser host serves it on
// loopback. Relative asset paths keep both working.
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  plugins: [react(), shipRuntimeFiles()],
  worker: { format: 'es' },
  build: {
    // Absolute, so the path does not depend on `root` (and never reads as a climb out of the tree).
    outDir: fromRoot('./build/renderer'),
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
  },
});
