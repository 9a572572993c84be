// `npm run host -- --port P --data DIR [--provider NAME] [--provider-url URL]`
// Serves the kiosk to a browser on 127.0.0.1 and prints its URL on a line of its own once ready.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isProviderName } from '../../common/providers';
import { createApp } from '../app';
import { loadSettings } from '../config/settings';
import { keychainService, KeytarSecretStore } from '../keys';
import { describeError } from '../lib/redact';
import { startHost } from './server';

const usage =
  'usage: npm run host -- --port P --data DIR [--provider sandbox|identifai] [--provider-url URL]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      data: { type: 'string' },
      provider: { type: 'string' },
      'provider-url': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return void console.log(usage);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535. ${usage}`);
  if (!values.data) throw new Error(`--data DIR is required. ${usage}`);
  if (values.provider !== undefined && !isProviderName(values.provider)) {
    throw new Error(`Unknown provider "${values.provider}". ${usage}`);
  }
  const dataDir = resolve(values.data);
  mkdirSync(dataDir, { recursive: true });
  const settings = loadSettings(dataDir, { provider: values.provider, providerUrl: values['provider-url'] });
  const app = await createApp({
    dataDir,
    settings,
    version: process.env.npm_package_version ?? '0.0.0',
    secrets: new KeytarSecretStore({ service: keychainService() }),
  });
  const host = await startHost({
    port,
    rendererDir: resolve(import.meta.dirname, '../../build/renderer'),
    handlers: app.handlers,
    events: app.events,
    exportDownloads: app.exportDownloads,
  });
  process.stdout.write(`${host.url}\n`);

  const stop = async () => {
    await host.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`loket host: ${describeError(error)}\n`);
  process.exit(1);
});
