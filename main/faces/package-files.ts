// Where the face model's files are: @vladmandic/human's Node WASM bundle, its models/ folder, and the
// TensorFlow.js WASM binaries. Found from the installed packages (a checkout, the bundled main process, and
// the packaged app, where electron-builder.yml unpacks the models and .wasm files from the asar).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// The Electron main process is bundled to CommonJS, where `import.meta.url` is empty and `__filename` is set.
const localRequire = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);

/**
 * A package's folder. `require.resolve('pkg/package.json')` fails for packages whose "exports" map does not
 * list it (human, tfjs-backend-wasm), so resolve the entry point and walk up to the package.json of that name.
 */
export function packageDir(name: string): string {
  let dir = dirname(localRequire.resolve(name));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name
    )
      return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`The ${name} package is not installed.`);
    dir = up;
  }
}

export interface FaceModelFiles {
  /** human's Node build for the WASM backend. */
  bundle: string;
  /** Folder of model.json + .bin files (blazeface, facemesh, faceres). */
  models: string;
  /** Folder of tfjs-backend-wasm*.wasm, with a trailing slash (tfjs appends the file name). */
  wasm: string;
}

export function faceModelFiles(): FaceModelFiles {
  const human = packageDir('@vladmandic/human');
  return {
    // Pitfall: human's "exports" keys lack the leading "./" ("dist/human.node-wasm.js"), so Node refuses every
    // subpath import, and the bare name resolves to dist/human.node.js, which needs tfjs-node. By file path.
    bundle: join(human, 'dist', 'human.node-wasm.js'),
    models: join(human, 'models'),
    wasm: `${join(packageDir('@tensorflow/tfjs-backend-wasm'), 'dist')}/`,
  };
}

export const requireBundle = (path: string): unknown => localRequire(path);
