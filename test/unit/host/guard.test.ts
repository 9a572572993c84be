import { describe, expect, it } from 'vitest';
import { isAllowedHostHeader, isAllowedOrigin } from '../../../main/host/guard';
import { keyMatches, newHostKey } from '../../../main/host/secret';
import { readStaticFile } from '../../../main/host/static-files';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('host guard', () => {
  const identity = { port: 4100 };

  it('accepts only loopback Host headers for our port (no DNS rebinding)', () => {
    expect(isAllowedHostHeader(identity, '127.0.0.1:4100')).toBe(true);
    expect(isAllowedHostHeader(identity, 'localhost:4100')).toBe(true);
    expect(isAllowedHostHeader(identity, 'evil.example:4100')).toBe(false);
    expect(isAllowedHostHeader(identity, '127.0.0.1:4101')).toBe(false);
    expect(isAllowedHostHeader(identity, undefined)).toBe(false);
  });

  it('accepts no Origin or our own, refuses any other', () => {
    expect(isAllowedOrigin(identity, undefined)).toBe(true);
    expect(isAllowedOrigin(identity, 'http://127.0.0.1:4100')).toBe(true);
    expect(isAllowedOrigin(identity, 'http://evil.example')).toBe(false);
    expect(isAllowedOrigin(identity, 'http://127.0.0.1:4101')).toBe(false);
    expect(isAllowedOrigin(identity, 'null')).toBe(false);
  });

  it('makes a fresh key per run and compares it exactly', () => {
    const key = newHostKey();
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(newHostKey()).not.toBe(key);
    expect(keyMatches(key, key)).toBe(true);
    expect(keyMatches(key, key.slice(1))).toBe(false);
    expect(keyMatches(key, undefined)).toBe(false);
  });
});

describe('static files', () => {
  const root = mkdtempSync(join(tmpdir(), 'loket-static-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'app.js'), 'export {}');

  it('serves index.html at / and files by extension', async () => {
    expect((await readStaticFile(root, '/'))?.contentType).toBe('text/html; charset=utf-8');
    expect((await readStaticFile(root, '/app.js'))?.contentType).toBe('text/javascript; charset=utf-8');
  });

  it('never leaves the root', async () => {
    expect(await readStaticFile(root, '/../../etc/passwd')).toBeNull();
    expect(await readStaticFile(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(await readStaticFile(root, '/missing.js')).toBeNull();
  });
});
