// A password from standard input. On a terminal: typed twice, with no echo (raw mode: each key is read here
// and nothing is written back but the prompt). From a pipe (scripts, tests): the first line, as sent.
import type { ReadStream } from 'node:tty';

/** A password is at most a few hundred characters; a pipe sending far more is a mistake. */
const MAX_BYTES = 4096;

export async function readPassword(
  input: NodeJS.ReadableStream & Partial<Pick<ReadStream, 'isTTY' | 'setRawMode'>>,
  prompts: NodeJS.WritableStream,
  name: string,
): Promise<string> {
  const setRawMode = input.setRawMode?.bind(input);
  if (input.isTTY && setRawMode) {
    const terminal = Object.assign(input, { setRawMode });
    const first = await typedWithoutEcho(terminal, prompts, `Password for ${name}: `);
    const second = await typedWithoutEcho(terminal, prompts, 'The same password again: ');
    if (first !== second) throw new Error('the two passwords are not the same');
    return first;
  }
  return firstLine(input);
}

async function firstLine(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    if (Buffer.byteLength(text) > MAX_BYTES)
      throw new Error(`standard input is larger than ${MAX_BYTES} bytes`);
  }
  return text.split(/\r?\n/)[0] ?? '';
}

function typedWithoutEcho(
  input: NodeJS.ReadableStream & Pick<ReadStream, 'setRawMode'>,
  prompts: NodeJS.WritableStream,
  prompt: string,
): Promise<string> {
  prompts.write(prompt);
  input.setRawMode(true);
  input.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error) => {
      input.removeListener('data', onData);
      input.setRawMode(false);
      input.pause();
      prompts.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString()) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003') return finish(new Error('cancelled'));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += char;
      }
    };
    input.on('data', onData);
  });
}
