// A user's clone has nothing beside it: the photos, seeds and protocol notes the developers keep in a
// sibling folder are not there. So no tracked file may reach above the repository root for them, whether by
// naming the sibling folder or by a relative path that climbs out of the tree.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../fixtures/images';

/** Files that are code or configuration; prose (Markdown) may mention where a document came from. */
const CODE = /\.(?:[cm]?[jt]sx?|json|ya?ml|sh)$|^\.ci\/|^scripts\//;

// Built from parts so that this file does not match its own patterns.
const SIBLING = ['shared', '(?:fixtures|seeds|providers)'].join('[\\\\/]');
const NAMED_OUTSIDE = [
  new RegExp(`\\.\\.[\\\\/]+${SIBLING}`),
  new RegExp(`['"]\\.\\.['"]\\s*,\\s*['"]shared['"]`),
  new RegExp(['PROTOCOLS', 'md'].join('\\.') + `['"\`]`),
];
/** A string literal that starts with ../ (a relative path or import). */
const RELATIVE_LITERAL = /(['"`])((?:\.\.\/)+[^'"`\s]*)\1/g;

function trackedCodeFiles(): string[] {
  const listing = execFileSync('git', ['ls-files', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' });
  return listing.split('\0').filter((file) => file !== '' && CODE.test(file));
}

function escapesRoot(file: string, literal: string): boolean {
  const target = resolve(REPO_ROOT, dirname(file), literal);
  return target !== REPO_ROOT && !target.startsWith(REPO_ROOT + sep);
}

describe('the repository is self-contained', () => {
  const files = trackedCodeFiles();

  it('finds the tracked code to check', () => {
    expect(files).toContain('test/fixtures/images.ts');
    expect(files.length).toBeGreaterThan(100);
  });

  it('names no fixture, seed or protocol folder outside the tree', () => {
    const offenders = files.filter((file) => {
      const text = readFileSync(join(REPO_ROOT, file), 'utf8');
      return NAMED_OUTSIDE.some((pattern) => pattern.test(text));
    });
    expect(offenders).toEqual([]);
  });

  it('has no relative path that climbs above the repository root', () => {
    const offenders: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(REPO_ROOT, file), 'utf8');
      for (const match of text.matchAll(RELATIVE_LITERAL)) {
        const literal = match[2] ?? '';
        if (escapesRoot(file, literal)) offenders.push(`${file}: ${literal}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('keeps the face photographs and their licences in the tree', () => {
    const faces = join(REPO_ROOT, 'test/fixtures/faces');
    expect(relative(REPO_ROOT, faces).startsWith('..')).toBe(false);
    const licences = readFileSync(join(faces, 'LICENSES.md'), 'utf8');
    for (const photo of ['astronaut.png', 'camera.png', 'chelsea.png']) {
      expect(licences).toContain(photo);
      expect(readFileSync(join(faces, photo)).subarray(1, 4).toString('latin1')).toBe('PNG');
    }
  });

  it('would catch a file that reads the sibling folder', () => {
    // Spelt in pieces, so that this file is not itself a file that names the sibling folder.
    const sample = `const dir = resolve(root, '../${'shared'}/${'fixtures'}/faces');`;
    expect(NAMED_OUTSIDE.some((pattern) => pattern.test(sample))).toBe(true);
    expect(escapesRoot('test/fixtures/images.ts', '../../../x')).toBe(true);
    expect(escapesRoot('test/fixtures/images.ts', '../..')).toBe(false);
  });
});
