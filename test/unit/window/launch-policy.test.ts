import { describe, expect, it } from 'vitest';
import { refusedSwitches, switchName } from '../../../main/window/launch-policy';

describe('switches a packaged kiosk refuses', () => {
  it.each([
    [['--remote-debugging-port=9222'], ['remote-debugging-port']],
    [['--remote-debugging-port', '9222'], ['remote-debugging-port']],
    [['--remote-debugging-pipe'], ['remote-debugging-pipe']],
    [['--inspect'], ['inspect']],
    [['--inspect-brk=0.0.0.0:9229'], ['inspect-brk']],
    [['-inspect'], ['inspect']],
    [['/remote-debugging-port=1'], ['remote-debugging-port']],
    [['--INSPECT'], ['inspect']],
    [['--js-flags=--allow-natives-syntax'], ['js-flags']],
    [['--ignore-certificate-errors'], ['ignore-certificate-errors']],
    [
      ['--disable-web-security', '--no-sandbox'],
      ['disable-web-security', 'no-sandbox'],
    ],
    [['--user-data-dir=/tmp/x'], ['user-data-dir']],
  ])('refuses %j', (argv, refused) => {
    expect(refusedSwitches(argv)).toEqual(refused);
  });

  it('starts with ordinary arguments, and ignores what comes after --', () => {
    expect(refusedSwitches([])).toEqual([]);
    expect(refusedSwitches(['/opt/Loket/loket', '--loket-relaunched=1,2', '--lang=id'])).toEqual([]);
    expect(refusedSwitches(['--', '--inspect'])).toEqual([]);
    expect(refusedSwitches(['--inspector-free-flag'])).toEqual([]);
  });

  it('reads a switch name from each form', () => {
    expect(switchName('--a-b=1')).toBe('a-b');
    expect(switchName('-x')).toBe('x');
    expect(switchName('plain')).toBeNull();
    expect(switchName('-psn_0_12345')).toBeNull();
  });
});
