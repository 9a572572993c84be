// `npm run keys` end to end: the CLI as a child process against the real keychain, values on stdin.
import keytar from 'keytar';
import { describe, expect, it } from 'vitest';
import { requireUnlockedKeychain, uniqueService } from './keychain';
import { runCli } from './spawn';

requireUnlockedKeychain();

const IDENTIFAI = { accessKey: 'AK-cli-test-0001', secretKey: 'SK-cli-test-secret-0001' };

function expectNoValues(output: string): void {
  for (const value of [...Object.values(IDENTIFAI), 'incode-cli-key-0001'])
    expect(output).not.toContain(value);
}

describe('npm run keys', () => {
  it('sets from stdin, lists names only, deletes', async () => {
    const service = uniqueService();
    const set = await runCli(service, ['set', 'identifai'], JSON.stringify(IDENTIFAI));
    expect(set).toMatchObject({ code: 0, stdout: 'Stored credentials for identifai.\n' });
    expect(JSON.parse((await keytar.getPassword(service, 'identifai')) ?? '')).toEqual(IDENTIFAI);
    expect((await runCli(service, ['set', 'incode'], '{"apiKey":"incode-cli-key-0001"}\n')).code).toBe(0);

    const list = await runCli(service, ['list']);
    expect(list).toMatchObject({ code: 0, stdout: 'identifai\nincode\n' });
    expectNoValues(set.stdout + set.stderr + list.stdout + list.stderr);

    expect(await runCli(service, ['delete', 'incode'])).toMatchObject({ code: 0 });
    expect(await runCli(service, ['list'])).toMatchObject({ code: 0, stdout: 'identifai\n' });
    const again = await runCli(service, ['delete', 'incode']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/no credentials were stored for incode/);
  });

  it('lists nothing, with a note on stderr, when no provider has credentials', async () => {
    expect(await runCli(uniqueService(), ['list'])).toMatchObject({ code: 0, stdout: '' });
  });

  it.each([
    [
      'bad JSON',
      ['set', 'identifai'],
      '{"accessKey": "AK-cli-test-0001", secretKey: SK-cli-test-secret-0001',
      /not valid JSON/,
    ],
    [
      'the wrong shape',
      ['set', 'identifai'],
      JSON.stringify({ accessKey: IDENTIFAI.accessKey }),
      /secretKey/,
    ],
    [
      'an extra field',
      ['set', 'incode'],
      JSON.stringify({ apiKey: 'incode-cli-key-0001', x: 1 }),
      /unexpected field "x"/,
    ],
    ['empty stdin', ['set', 'incode'], '', /not valid JSON/],
    ['an unknown provider', ['set', 'acme'], JSON.stringify(IDENTIFAI), /unknown provider 'acme'/],
    ['the sandbox', ['set', 'sandbox'], '{}', /sandbox needs no credentials/],
    ['no provider', ['delete'], '', /which provider/],
    ['an unknown command', ['get', 'identifai'], '', /unknown command 'get'/],
    ['no command', [], '', /no command given/],
    ['extra arguments', ['list', 'identifai'], '', /list takes no arguments/],
  ])('exits 2 on %s, stores nothing and echoes no value', async (_case, args, stdin, problem) => {
    const service = uniqueService();
    const result = await runCli(service, args, stdin);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(problem);
    expect(result.stdout).toBe('');
    expectNoValues(result.stderr);
    expect(await keytar.findCredentials(service)).toEqual([]);
  });

  it('prints its usage on help', async () => {
    const help = await runCli(uniqueService(), ['help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/identifai +\{ "accessKey": "…", "secretKey": "…" \}/);
  });
});
