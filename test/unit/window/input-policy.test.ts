import { describe, expect, it } from 'vitest';
import { classifyShortcut, shouldBlockInput, type KeyInput } from '../../../main/window/input-policy';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key: k,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});
const kiosk = { kiosk: true, packaged: true, platform: 'linux' as const };
const desk = { kiosk: false, packaged: true, platform: 'linux' as const };
const checkout = { kiosk: false, packaged: false, platform: 'linux' as const };

describe('the kiosk keyboard filter', () => {
  it.each([
    ['reload', key('r', { control: true })],
    ['hard reload', key('R', { control: true, shift: true })],
    ['F5', key('F5')],
    ['Ctrl+F5', key('F5', { control: true })],
    ['close tab', key('w', { control: true })],
    ['quit', key('q', { control: true })],
    ['Alt+F4', key('F4', { alt: true })],
    ['zoom in', key('+', { control: true, shift: true })],
    ['zoom in (=)', key('=', { control: true })],
    ['zoom out', key('-', { control: true })],
    ['zoom reset', key('0', { control: true })],
    ['print', key('p', { control: true })],
    ['view source', key('u', { control: true })],
    ['DevTools F12', key('F12')],
    ['DevTools Ctrl+Shift+I', key('I', { control: true, shift: true })],
    ['console Ctrl+Shift+J', key('J', { control: true, shift: true })],
    ['inspect Ctrl+Shift+C', key('C', { control: true, shift: true })],
    ['back', key('ArrowLeft', { alt: true })],
    ['leave full screen', key('F11')],
  ])('drops %s in kiosk mode', (_name, input) => {
    expect(shouldBlockInput(input, kiosk)).toBe(true);
  });

  it('uses Cmd on macOS', () => {
    const mac = { ...kiosk, platform: 'darwin' as const };
    expect(shouldBlockInput(key('r', { meta: true }), mac)).toBe(true);
    expect(shouldBlockInput(key('i', { meta: true, alt: true }), mac)).toBe(true);
    expect(classifyShortcut(key('r', { control: true }), 'darwin')).toBeNull();
  });

  it('lets ordinary typing and editing through', () => {
    for (const input of [
      key('a'),
      key('A', { shift: true }),
      key('Enter'),
      key('Tab'),
      key('Backspace'),
      key('c', { control: true }),
      key('v', { control: true }),
      key('x', { control: true }),
      key('z', { control: true }),
      key('a', { control: true }),
    ]) {
      expect(shouldBlockInput(input, kiosk)).toBe(false);
    }
  });

  it('ignores key-up events (the key-down was already dropped)', () => {
    expect(shouldBlockInput({ ...key('F12'), type: 'keyUp' }, kiosk)).toBe(false);
  });

  it('at a staffed desk drops only DevTools and view source, and only when packaged', () => {
    expect(shouldBlockInput(key('F12'), desk)).toBe(true);
    expect(shouldBlockInput(key('u', { control: true }), desk)).toBe(true);
    expect(shouldBlockInput(key('r', { control: true }), desk)).toBe(false);
    expect(shouldBlockInput(key('F12'), checkout)).toBe(false);
  });
});
