/**
 * The `_headers` rules of the term pages and their feeds, one set per kind (src/lib/kinds.ts), so
 * a kind's pages get them the moment it is in the list. `public/_headers` holds the fixed rules;
 * the build appends these (src/integrations/security-headers.ts).
 *
 * As in `public/_headers`, no two rules give one file a Cache-Control: a kind's pages and feeds
 * revalidate on every request (`/<kind>/*`), and its feeds' rules set only their media type.
 */
export function kindHeadersRules(kinds: readonly string[]): string {
  const lines = [
    '# Term pages and their feeds, one set per kind, written by the build (src/lib/outputs/host-headers.ts).',
  ];
  for (const kind of kinds) {
    lines.push(
      `/${kind}/*`,
      '  Cache-Control: public, max-age=0, must-revalidate',
      `/${kind}/*/rss.xml`,
      '  Content-Type: application/rss+xml; charset=utf-8',
      `/${kind}/*/feed.json`,
      '  Content-Type: application/feed+json; charset=utf-8',
    );
  }
  return `${lines.join('\n')}\n`;
}
