// tfjs-core without tfjs-node has no file-system IO handler, and Node's fetch() refuses file:// URLs, so
// human cannot load its models from disk by itself. This handler reads a graph model (model.json and its
// weight shards) with fs for every file:// URL: the models are never fetched from a network.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface WeightsGroup {
  paths: string[];
  weights: unknown[];
}

interface ModelJson {
  modelTopology?: unknown;
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  signature?: unknown;
  userDefinedMetadata?: unknown;
  modelInitializer?: unknown;
  weightsManifest?: WeightsGroup[];
}

/** An object with the shape of tf.io.IOHandler's `load` (typed loosely: the artefacts go straight to tfjs). */
export interface FileModelHandler {
  load(): Promise<Record<string, unknown>>;
}

export function fileModelHandler(url: string): FileModelHandler {
  const path = fileURLToPath(url);
  return {
    async load() {
      const json = JSON.parse(readFileSync(path, 'utf8')) as ModelJson;
      const weightSpecs: unknown[] = [];
      const shards: Buffer[] = [];
      for (const group of json.weightsManifest ?? []) {
        weightSpecs.push(...group.weights);
        for (const shard of group.paths) shards.push(readFileSync(join(dirname(path), shard)));
      }
      const all = Buffer.concat(shards);
      return {
        modelTopology: json.modelTopology,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        weightSpecs,
        weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength),
        signature: json.signature,
        userDefinedMetadata: json.userDefinedMetadata,
        modelInitializer: json.modelInitializer,
      };
    },
  };
}

/** The load router: file:// URLs are ours, anything else is not (null lets tfjs try its own handlers). */
export const fileModelRouter = (url: string | string[]): FileModelHandler | null =>
  typeof url === 'string' && url.startsWith('file://') ? fileModelHandler(url) : null;
