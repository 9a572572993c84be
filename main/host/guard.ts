// Request checks for the loopback host, kept pure so they are unit-tested: the Host header must name our
// loopback address (a DNS-rebinding page would send its own name), and a browser-sent Origin must be ours.
export interface HostIdentity {
  port: number;
}

const loopbackNames = (port: number) => [`127.0.0.1:${port}`, `localhost:${port}`];

export function isAllowedHostHeader(identity: HostIdentity, host: string | undefined): boolean {
  return host !== undefined && loopbackNames(identity.port).includes(host.toLowerCase());
}

/** No Origin (a same-origin GET, or a non-browser client holding the key) is fine; a foreign one is not. */
export function isAllowedOrigin(identity: HostIdentity, origin: string | undefined): boolean {
  if (origin === undefined) return true;
  return loopbackNames(identity.port).some((name) => origin === `http://${name}`);
}
