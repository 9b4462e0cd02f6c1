import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSiteConfig } from '@/config/site';

function archive(settings?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'site-config-'));
  if (settings !== undefined) writeFileSync(path.join(dir, 'archive.yaml'), settings);
  return dir;
}

describe('site settings: defaults, then archive.yaml, then the environment', () => {
  test("without a settings file, today's defaults", () => {
    const site = readSiteConfig({ ARCHIVE_CONTENT_DIR: archive() });
    expect(site).toMatchObject({ title: 'Newsroom Archive', lang: 'en', timeZone: 'UTC', pageSize: 20, base: '/' });
    expect(site.url).toBe('http://localhost:4321/');
  });

  test('the file sets what it names; the rest stays default', () => {
    const dir = archive('title: Harbour Gazette\nurl: https://example.org/gazette/\npageSize: 7\nshareCards: false\n');
    const site = readSiteConfig({ ARCHIVE_CONTENT_DIR: dir });
    expect(site).toMatchObject({
      title: 'Harbour Gazette',
      url: 'https://example.org/gazette/',
      base: '/gazette/',
      pageSize: 7,
    });
    expect(site.shareCards).toBe(false);
    expect(site.searchShardSize).toBe(2500);
    expect(site.publishData).toBe(false);
  });

  test('publishing the data: off by default, on from the file, the environment wins', () => {
    expect(readSiteConfig({ ARCHIVE_CONTENT_DIR: archive() }).publishData).toBe(false);
    const on = archive('publishData: true\n');
    expect(readSiteConfig({ ARCHIVE_CONTENT_DIR: on }).publishData).toBe(true);
    expect(readSiteConfig({ ARCHIVE_CONTENT_DIR: on, ARCHIVE_PUBLISH_DATA: '0' }).publishData).toBe(false);
    expect(readSiteConfig({ ARCHIVE_CONTENT_DIR: archive(), ARCHIVE_PUBLISH_DATA: '1' }).publishData).toBe(true);
    expect(() => readSiteConfig({ ARCHIVE_CONTENT_DIR: archive(), ARCHIVE_PUBLISH_DATA: 'maybe' })).toThrow(
      'ARCHIVE_PUBLISH_DATA',
    );
  });

  test('each environment variable wins over the file', () => {
    const dir = archive(
      'url: https://example.org/gazette/\ntimeZone: Europe/Paris\npageSize: 7\nsearchShardSize: 10\n',
    );
    const site = readSiteConfig({
      ARCHIVE_CONTENT_DIR: dir,
      SITE_URL: 'https://other.example.net/',
      ARCHIVE_TIME_ZONE: 'Asia/Tokyo',
      ARCHIVE_PAGE_SIZE: '9',
      ARCHIVE_SEARCH_SHARD_SIZE: '4',
    });
    expect(site).toMatchObject({
      url: 'https://other.example.net/',
      base: '/',
      timeZone: 'Asia/Tokyo',
      pageSize: 9,
      searchShardSize: 4,
    });
  });

  test('a file with problems stops reading, naming each one', () => {
    const dir = archive('pageSize: 0\n');
    expect(() => readSiteConfig({ ARCHIVE_CONTENT_DIR: dir })).toThrow(
      `${path.join(dir, 'archive.yaml')}:1: pageSize: expected a whole number of at least 1, got 0`,
    );
  });
});
