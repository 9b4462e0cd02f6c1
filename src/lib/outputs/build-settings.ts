/**
 * The settings that change what a build writes, as recorded beside its output folder
 * (src/integrations/output-folder.ts), so `npm start` can tell a `dist/` built for another
 * site URL or content folder from a current one and rebuild it instead of serving pages whose
 * links and stylesheet all point elsewhere.
 */
/** Each setting under the name an owner sets it by. */
export type BuildSettings = Record<string, string>;

/** The parts of the site settings (src/config/site.ts) that shape the output. */
export interface OutputShaping {
  url: string;
  contentDir: string;
  timeZone: string;
  pageSize: number;
  trustedHtml: boolean;
  searchShardSize: number;
  shareCards: boolean;
}

export function buildSettings(site: OutputShaping): BuildSettings {
  return {
    SITE_URL: site.url,
    ARCHIVE_CONTENT_DIR: site.contentDir,
    ARCHIVE_TIME_ZONE: site.timeZone,
    ARCHIVE_PAGE_SIZE: String(site.pageSize),
    ARCHIVE_TRUSTED_HTML: String(site.trustedHtml),
    ARCHIVE_SEARCH_SHARD_SIZE: String(site.searchShardSize),
    ARCHIVE_SHARE_CARDS: String(site.shareCards),
  };
}

/** What differs between the settings a folder was built with and the current ones, in words. */
export function settingsChanges(built: BuildSettings | undefined, current: BuildSettings): string[] {
  if (!built) return ['no record of what it was built with'];
  return Object.keys(current)
    .filter((name) => built[name] !== current[name])
    .map((name) => `${name} was ${built[name] ?? '(not recorded)'}, is now ${current[name]}`);
}
