// One Content-Security-Policy for the renderer wherever it is served: scripts and styles only from the
// app itself, no eval, no plugins, no framing, the camera as a media stream, and network access only to
// the app's own origin (the Electron shell) or the loopback host's own WebSocket.
export function contentSecurityPolicy(options: { extraConnectSrc?: readonly string[] } = {}): string {
  const connect = ["'self'", ...(options.extraConnectSrc ?? [])].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
  ].join('; ');
}

/** Headers every renderer response carries, in the shell's protocol handler and in the host. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(self), microphone=(), geolocation=(), usb=(), serial=()',
  };
}
