// The hosted face check screen, rendered to static HTML (the unit project has no DOM).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CustomerAction } from '../../../../common/contract';
import type { FlowState } from '../../../../renderer/kiosk/flow/state';
import type { I18n } from '../../../../renderer/i18n/context';
import { I18nContext } from '../../../../renderer/i18n/context';
import { en } from '../../../../renderer/i18n/en';
import { id } from '../../../../renderer/i18n/id';
import { openableUrl, openHostedSession } from '../../../../renderer/kiosk/screens/HostedSession';
import { WaitingScreen } from '../../../../renderer/kiosk/screens/WaitingScreen';

const qrDataUrl = 'data:image/png;base64,iVBORw0KGgo=';

function render(action: CustomerAction | null, t: I18n['t'] = en): string {
  const state: FlowState & { screen: 'waiting' } = {
    screen: 'waiting',
    recordId: 'rec000001',
    progress: { step: 'waiting_for_customer', status: 'in_progress', fraction: 0.4 },
    action,
    submitReturned: false,
  };
  const i18n: I18n = { language: t === en ? 'en' : 'id', t, setLanguage: () => undefined };
  return renderToStaticMarkup(
    createElement(I18nContext, { value: i18n }, createElement(WaitingScreen, { state })),
  );
}

const hosted = (patch: Partial<CustomerAction>): CustomerAction => ({
  kind: 'hosted_session',
  url: null,
  qrDataUrl: null,
  ...patch,
});

describe('the waiting screen with a hosted face check', () => {
  it('without an action is the plain waiting screen', () => {
    const html = render(null);
    expect(html).toContain(en.waiting.title);
    expect(html).not.toContain(en.hosted.title);
    expect(html).toContain('<progress');
  });

  it('with a QR code shows the image, its alt text and the phone instruction, plus the bar', () => {
    const html = render(hosted({ qrDataUrl }));
    expect(html).toContain('Complete the face check');
    expect(html).toContain(`src="${qrDataUrl}"`);
    expect(html).toContain('alt="QR code for the face check"');
    expect(html).toContain('scan this QR code with their phone');
    expect(html).not.toContain(en.hosted.open);
    expect(html).not.toContain(en.hosted.kioskWindow);
    expect(html).toContain('<progress');
    expect(html).toContain('Waiting for the customer&#x27;s face check');
  });

  it('with a url offers a button to open it', () => {
    const html = render(hosted({ url: 'https://faceverify.example/session/1' }));
    expect(html).toMatch(/<button[^>]*>Open the face check<\/button>/);
    expect(html).not.toContain('<img');
    expect(html).not.toContain(en.hosted.kioskWindow);
  });

  it('with neither says the face check opened in a window on this kiosk', () => {
    const html = render(hosted({}));
    expect(html).toContain(en.hosted.kioskWindow);
    expect(html).not.toContain('<button');
    expect(html).not.toContain('<img');
  });

  it('does not offer to open a url that is not a web page', () => {
    const html = render(hosted({ url: 'javascript:alert(1)' }));
    expect(html).not.toContain('<button');
    expect(html).toContain(en.hosted.kioskWindow);
  });

  it('speaks Indonesian', () => {
    const html = render(hosted({ qrDataUrl }), id);
    expect(html).toContain('Selesaikan pemeriksaan wajah');
    expect(html).toContain(`alt="${id.hosted.qrAlt}"`);
  });
});

describe('opening the hosted face check', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('accepts only http and https urls', () => {
    expect(openableUrl('https://faceverify.example/s/1')).toBe('https://faceverify.example/s/1');
    expect(openableUrl('http://127.0.0.1:8080/s/1')).toBe('http://127.0.0.1:8080/s/1');
    expect(openableUrl('javascript:alert(1)')).toBeNull();
    expect(openableUrl('file:///etc/passwd')).toBeNull();
    expect(openableUrl('not a url')).toBeNull();
    expect(openableUrl(null)).toBeNull();
  });

  it('opens a new tab without a handle back to the kiosk', () => {
    const open = vi.fn(() => null);
    vi.stubGlobal('window', { open });
    openHostedSession('https://faceverify.example/s/1');
    expect(open).toHaveBeenCalledWith('https://faceverify.example/s/1', '_blank', 'noopener,noreferrer');
  });
});
