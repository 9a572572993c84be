// The sandbox's hosted face-check page (`GET /faceverify/new/<Token>`): a small self-contained page where a
// person completes a simulated face check with the camera. No inline script or style: the script and the
// stylesheet are separate files under /faceverify/assets/, and the page carries a strict CSP of its own.
// The Token in the link is the only credential, so the page sends no Referer anywhere.
import type { ServerResponse } from 'node:http';

export const ASSET_PREFIX = '/faceverify/assets';

export const HOSTED_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const COMPLETE_HEADING = 'Verification complete';
export const COMPLETE_TEXT = 'Verification complete. You can return to the kiosk.';

const PAGE_HEADERS = {
  'content-security-policy': HOSTED_PAGE_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(self), microphone=(), geolocation=()',
  'cross-origin-opener-policy': 'same-origin',
  'cache-control': 'no-store',
};

export type PageState = 'pending' | 'done' | 'expired' | 'unknown';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function body(state: PageState): string {
  switch (state) {
    case 'pending':
      return `<h1 id="title">Face check</h1>
<p id="status" role="status">Starting the camera…</p>
<video id="camera" autoplay muted playsinline></video>
<button id="start" type="button" disabled>Start face check</button>`;
    case 'done':
      return `<h1 id="title">${escapeHtml(COMPLETE_HEADING)}</h1>
<p id="status" role="status">${escapeHtml(COMPLETE_TEXT)}</p>`;
    case 'expired':
      return `<h1 id="title">Link expired</h1>
<p id="status" role="status">This face check link has expired. Please ask at the kiosk for a new one.</p>`;
    case 'unknown':
      return `<h1 id="title">Link not valid</h1>
<p id="status" role="status">This face check link is not valid.</p>`;
  }
}

export function hostedPageHtml(state: PageState): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>faceverify sandbox — face check</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ASSET_PREFIX}/hosted.css">
<script src="${ASSET_PREFIX}/hosted.js" defer></script>
</head>
<body>
<main data-state="${state}">
<p class="brand">faceverify.ai <span>sandbox</span></p>
${body(state)}
</main>
</body>
</html>
`;
}

export function sendPage(res: ServerResponse, status: number, state: PageState): void {
  const html = hostedPageHtml(state);
  res.writeHead(status, {
    ...PAGE_HEADERS,
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
  });
  res.end(html);
}

export function sendAsset(res: ServerResponse, name: string): boolean {
  const asset = ASSETS[name];
  if (!asset) return false;
  res.writeHead(200, {
    'content-type': asset.type,
    'content-length': Buffer.byteLength(asset.text),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  res.end(asset.text);
  return true;
}

/** The page's script: camera → wait for a decoded frame → capture on the button → POST the JPEG → done. */
const HOSTED_JS = `'use strict';
(function () {
  var main = document.querySelector('main');
  if (!main || main.getAttribute('data-state') !== 'pending') return;
  var video = document.getElementById('camera');
  var button = document.getElementById('start');
  var statusLine = document.getElementById('status');
  var title = document.getElementById('title');
  var stream = null;
  var say = function (text) { statusLine.textContent = text; };
  var stop = function () {
    if (stream) stream.getTracks().forEach(function (t) { t.stop(); });
    stream = null;
  };

  function waitForFrame() {
    return new Promise(function (resolve) {
      (function check() {
        if (video.readyState >= 2 && video.videoWidth > 0 && video.videoHeight > 0) resolve();
        else setTimeout(check, 100);
      })();
    });
  }

  function capture() {
    var canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/jpeg', 0.9).replace(/^data:image\\/jpeg;base64,/, '');
  }

  function done(returnUrl) {
    stop();
    video.hidden = true;
    button.hidden = true;
    title.textContent = ${JSON.stringify(COMPLETE_HEADING)};
    say(${JSON.stringify(COMPLETE_TEXT)});
    main.setAttribute('data-state', 'done');
    if (typeof returnUrl === 'string' && /^https?:/.test(returnUrl)) {
      setTimeout(function () { window.location.assign(returnUrl); }, 1500);
    }
  }

  button.addEventListener('click', function () {
    button.disabled = true;
    say('Checking…');
    var image = capture();
    fetch(window.location.pathname.replace(/\\/+$/, '') + '/result', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ image: image }),
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    })
      .then(function (response) {
        return response.json().then(function (answer) { return { ok: response.ok, answer: answer }; });
      })
      .then(function (r) {
        if (r.ok && r.answer && r.answer.success) return done(r.answer.data && r.answer.data.returnUrl);
        var code = r.answer && r.answer.code;
        if (code === 'SESSION_EXPIRED') { stop(); say('This face check link has expired.'); return; }
        if (code === 'SESSION_CLOSED') return done(null);
        say('The face check could not be sent. Please try again.');
        button.disabled = false;
      })
      .catch(function () {
        say('The face check could not be sent. Please try again.');
        button.disabled = false;
      });
  });

  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    say('This browser cannot use a camera.');
    return;
  }
  navigator.mediaDevices
    .getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user' }, audio: false })
    .then(function (s) {
      stream = s;
      video.srcObject = s;
      var playing = video.play();
      if (playing && playing.catch) playing.catch(function () {});
      return waitForFrame();
    })
    .then(function () {
      say('Look at the camera, then press the button.');
      button.disabled = false;
    })
    .catch(function (error) {
      say('The camera could not be started (' + (error && error.name ? error.name : 'error') + ').');
    });
})();
`;

const HOSTED_CSS = `:root { color-scheme: light; font-family: system-ui, sans-serif; }
body { margin: 0; background: #eef2f5; color: #1b1b1b; }
main { max-width: 40rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border-radius: 12px; }
.brand { margin: 0 0 1rem; font-weight: 600; color: #2a6f97; }
.brand span { font-weight: 400; color: #777; }
h1 { margin: 0 0 0.5rem; font-size: 1.6rem; }
video { display: block; width: 100%; max-height: 60vh; background: #000; border-radius: 8px; }
video[hidden], button[hidden] { display: none; }
button { margin-top: 1rem; padding: 0.8rem 1.4rem; font-size: 1.1rem; border: 0; border-radius: 8px;
  background: #2a6f97; color: #fff; cursor: pointer; }
button:disabled { background: #9bb5c6; cursor: default; }
`;

const ASSETS: Readonly<Record<string, { type: string; text: string }>> = {
  'hosted.js': { type: 'text/javascript; charset=utf-8', text: HOSTED_JS },
  'hosted.css': { type: 'text/css; charset=utf-8', text: HOSTED_CSS },
};
