// A loopback port that was free a moment ago: bound by the OS, read and released. Nothing listens on it,
// so connections are refused (a provider that is down) until someone starts a server there.
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close(() => reject(new Error('the OS gave no TCP port')));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}
