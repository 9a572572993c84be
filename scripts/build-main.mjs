// Bundles the Electron shell (main) and the sandboxed preload with esbuild. A sandboxed preload cannot
// require our modules, so it must be one CommonJS file; main is bundled too so the packaged app needs no
// TypeScript at run time. Native and heavy runtime modules stay external (node_modules ships them).
import { build } from 'esbuild';

const external = [
  'electron',
  'better-sqlite3-multiple-ciphers',
  'keytar',
  'sharp',
  'ws',
  // The face model: human's Node bundle is loaded by file path at run time (main/faces/package-files.ts) and
  // requires these three from node_modules.
  '@vladmandic/human',
  '@tensorflow/tfjs',
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs-converter',
  '@tensorflow/tfjs-backend-wasm',
];
const common = {
  // The face model's loader falls back to import.meta.url only where __filename is absent: never in this bundle.
  logOverride: { 'empty-import-meta': 'silent' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  logLevel: 'warning',
};

await build({ ...common, entryPoints: ['main/index.ts'], outfile: 'build/main/index.cjs', external });
// The CSV export's worker thread (main/export/csv-formatter.ts), loaded by file beside index.cjs.
await build({
  ...common,
  entryPoints: ['main/export/csv-worker.ts'],
  outfile: 'build/main/csv-worker.cjs',
  external,
});
await build({
  ...common,
  entryPoints: ['preload/index.ts'],
  outfile: 'build/preload/index.cjs',
  external: ['electron'],
});
