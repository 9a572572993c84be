// Debian's Chromium driven by playwright-core, with a fake camera playing a .y4m file (or no camera at all).
// Flags: the ones this machine's closed network needs, plus the fake-media ones. The browser carries the
// run's marker (test/support/processes.ts): Playwright kills it when the worker exits, and the run fails if
// one is still alive after the last test.
import { chromium, type Browser } from 'playwright-core';
import { markedEnv } from '../support/processes';

const BASE_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(options: { cameraVideo?: string }): Promise<Browser> {
  const media = options.cameraVideo
    ? [
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${options.cameraVideo}`,
      ]
    : // No fake device: a headless machine has no camera, which is the no-camera path.
      ['--use-fake-ui-for-media-stream'];
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...BASE_FLAGS, ...media],
    env: markedEnv(),
  });
}
