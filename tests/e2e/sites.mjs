/**
 * The sites the end-to-end tests run against: each is a real build, served on 127.0.0.1.
 * `E2E_PORT_BASE` moves all ports (and build folders), so two test runs can share a machine.
 */
const portBase = Number(process.env.E2E_PORT_BASE || 4410);

/** Where this run's sites and generated content live. */
export const E2E_DIR = `.cache/e2e-${portBase}`;

export const SITES = {
  /** The seed content, at the root. */
  seed: { port: portBase, base: '/', content: 'content', pageSize: undefined },
  /** The seed content under a sub-path, as on a GitHub Pages project site. */
  seedBase: { port: portBase + 1, base: '/archive/', content: 'content', pageSize: undefined },
  /**
   * The hostile test archive (tests/fixtures/make-hostile-content.mjs), with its data published
   * under /data/ (`publishData`), so spreadsheets and Python read what pasted text makes of it.
   */
  hostile: {
    port: portBase + 3,
    base: '/',
    content: `${E2E_DIR}/hostile-content`,
    pageSize: undefined,
    publishData: true,
  },
  /**
   * The generated test archive (tests/fixtures/make-content.mjs), page size 5, and a search
   * index in shards of 4 articles, so every search test runs across shards. Built as if on
   * 1 February 2024 (SOURCE_DATE_EPOCH), so its age notices, its scheduled and its expired
   * articles are the same on any day. Built last.
   */
  fixture: {
    port: portBase + 2,
    base: '/',
    content: `${E2E_DIR}/content`,
    pageSize: '5',
    searchShardSize: '4',
    buildDate: '2024-02-01T00:00:00Z',
  },
};

export function siteUrl(name) {
  const site = SITES[name];
  return `http://127.0.0.1:${site.port}${site.base}`;
}
