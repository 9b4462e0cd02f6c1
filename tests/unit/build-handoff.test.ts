import { describe, expect, it } from 'vitest';
import { buildArchive } from '@/lib/model/archive';
import { builtArchive, shareBuiltArchive } from '@/lib/outputs/build-handoff';
import { record } from './helpers';

describe('build handoff', () => {
  it('gives integrations the very model the pages were built from', () => {
    const archive = buildArchive([record('a', '2020-01-01')]);
    shareBuiltArchive(archive);
    expect(builtArchive()).toBe(archive);
  });

  it('refuses to make one up when no model was built', () => {
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('newsroom-archive.build-handoff')];
    expect(() => builtArchive()).toThrow(/no archive was built/);
  });
});
