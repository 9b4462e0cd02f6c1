/**
 * The fingerprint of what a build reads (src/integrations/build-inputs.ts): any change to a file's
 * path, size or time, a setting, the output folder or the clock's next moment reads as a reason
 * to build; the same inputs as none.
 */
import { mkdtempSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { currentInputs, environmentSettings, fingerprintFiles, whyBuild } from '@/integrations/build-inputs';

const work = mkdtempSync(path.join(os.tmpdir(), 'build-inputs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string>): string {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('fingerprintFiles', () => {
  test('the same files give the same digest; an edit, a new file, a removal or a touch do not', () => {
    const dir = folder('content', { 'articles/a.md': 'a', 'articles/b.md': 'b' });
    const first = fingerprintFiles(dir);
    expect(first.count).toBe(2);
    expect(fingerprintFiles(dir)).toEqual(first);

    writeFileSync(path.join(dir, 'articles/a.md'), 'a, edited');
    const edited = fingerprintFiles(dir);
    expect(edited.digest).not.toBe(first.digest);

    // Same size, another modification time: an editor saved it.
    utimesSync(path.join(dir, 'articles/b.md'), new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect(fingerprintFiles(dir).digest).not.toBe(edited.digest);

    writeFileSync(path.join(dir, 'articles/c.md'), 'c');
    expect(fingerprintFiles(dir).count).toBe(3);
    rmSync(path.join(dir, 'articles/c.md'));
    rmSync(path.join(dir, 'articles/a.md'));
    expect(fingerprintFiles(dir).count).toBe(1);
  });

  test('a missing root is a fingerprint of its own, unlike an empty one', () => {
    expect(fingerprintFiles(path.join(work, 'nowhere')).digest).toBe('missing');
    expect(fingerprintFiles(folder('empty', {})).digest).not.toBe('missing');
  });
});

describe('whyBuild', () => {
  const projectRoot = folder('project', { 'src/a.ts': 'x', 'package.json': '{}' });
  const contentDir = folder('archive', { 'articles/a.md': 'a' });
  const outDir = folder('dist', { 'index.html': '<p>' });
  const inputs = () =>
    currentInputs({ projectRoot, contentDir, outDir, settings: { SITE_URL: 'https://example.org/' } });

  test('nothing changed: no reason to build', () => {
    expect(whyBuild(inputs(), inputs(), { now: 10 })).toBeUndefined();
  });

  test('no record, or one of another format, builds', () => {
    expect(whyBuild(undefined, inputs(), { now: 10 })).toBe('no record of an earlier build into this folder');
    expect(whyBuild({ ...inputs(), format: 0 }, inputs(), { now: 10 })).toBe(
      'no record of an earlier build into this folder',
    );
  });

  test('each kind of change is named', () => {
    const recorded = inputs();
    expect(
      whyBuild(
        recorded,
        { ...inputs(), settings: { SITE_URL: 'https://example.org/news/', ARCHIVE_PAGE_SIZE: '5' } },
        { now: 10 },
      ),
    ).toBe('settings changed (ARCHIVE_PAGE_SIZE, SITE_URL)');
    writeFileSync(path.join(work, 'archive/articles/b.md'), 'b');
    expect(whyBuild(recorded, inputs(), { now: 10 })).toBe('the content folder changed');
    const withB = inputs();
    writeFileSync(path.join(work, 'project/src/a.ts'), 'changed');
    expect(whyBuild(withB, inputs(), { now: 10 })).toBe('the project changed (src)');
    const withA = inputs();
    rmSync(path.join(work, 'dist/index.html'));
    expect(whyBuild(withA, inputs(), { now: 10 })).toBe('the output folder was changed since the last build');
  });

  test('the clock: once the next scheduled or expiring moment has passed', () => {
    expect(whyBuild(inputs(), inputs(), { now: 10, next: 11 })).toBeUndefined();
    expect(whyBuild(inputs(), inputs(), { now: Date.UTC(2030, 0, 1), next: Date.UTC(2029, 0, 1) })).toBe(
      'a scheduled or expiring article changes at 2029-01-01T00:00:00.000Z',
    );
  });
});

test('environmentSettings keeps what shapes a build and nothing else', () => {
  expect(
    environmentSettings({ SITE_URL: 'u', ARCHIVE_PAGE_SIZE: '5', SOURCE_DATE_EPOCH: '1', HOME: '/root', PATH: '/bin' }),
  ).toEqual({
    ARCHIVE_PAGE_SIZE: '5',
    SITE_URL: 'u',
    SOURCE_DATE_EPOCH: '1',
  });
});
