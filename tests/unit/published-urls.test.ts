import { describe, expect, test } from 'vitest';
import { encodeSitePath, parseSitePath, sitePathFile } from '@/lib/content/site-path';
import { articleStatus, nextChange } from '@/lib/model/lifecycle';
import { servedUrls } from '@/lib/model/url-claims';
import {
  checkPublished,
  LIST_FORMAT,
  parsePublishedList,
  renderPublishedList,
  vanishedPages,
  type PublishedList,
} from '@/lib/outputs/published-urls';
import { redirectPageHtml, redirectsFile } from '@/lib/outputs/redirects';
import { date, record } from './helpers';
import { parseRedirectsFile } from '../../scripts/serve.mjs';

describe('an alias as a site path', () => {
  test('is read into the path the build uses: no base, no leading slash, a page', () => {
    expect(parseSitePath('/news/contoso-hq-opens/')).toEqual({ path: 'news/contoso-hq-opens/' });
    expect(parseSitePath('/news/contoso-hq-opens')).toEqual({ path: 'news/contoso-hq-opens/' });
    expect(parseSitePath('/2009/03/old-story.html')).toEqual({ path: '2009/03/old-story.html' });
    expect(parseSitePath('/news/index.html')).toEqual({ path: 'news/' });
    expect(parseSitePath('/caf%C3%A9/')).toEqual({ path: 'café/' });
    expect(parseSitePath('/café/')).toEqual({ path: 'café/' });
  });

  test('is refused, saying why, when no static file could answer it', () => {
    const refused = (written: string) => parseSitePath(written) as string;
    expect(refused('https://example.org/news/')).toMatch(/is a full address/);
    expect(refused('//example.org/news/')).toMatch(/is a full address/);
    expect(refused('news/')).toMatch(/does not start with \//);
    expect(refused('/story.php?id=3')).toMatch(/query or fragment/);
    expect(refused('/a/#top')).toMatch(/query or fragment/);
    expect(refused('/feed.xml')).toMatch(/file type other than \.html/);
    expect(refused('/a//b/')).toMatch(/empty segment/);
    expect(refused('/a/../b/')).toMatch(/\.\. segment/);
    expect(refused('/a b/')).toMatch(/spaces/);
    expect(refused('/%E0%A4%A/')).toMatch(/broken percent-escape/);
    expect(refused('/')).toMatch(/home page/);
  });

  test('is answered from a folder index or an .html file, and written escaped with the base', () => {
    expect(sitePathFile('news/x/')).toBe('news/x/index.html');
    expect(sitePathFile('old.html')).toBe('old.html');
    expect(encodeSitePath('café/', '/archive/')).toBe('/archive/caf%C3%A9/');
  });
});

describe("an article's life by the build's clock", () => {
  const clock = Date.parse('2024-02-01T00:00:00Z');
  test('draft, scheduled, published, removed, expired', () => {
    expect(articleStatus(record('a', '2023-01-01', { draft: true }), clock)).toBe('draft');
    expect(articleStatus(record('a', '2024-02-01T00:00:01Z'), clock)).toBe('scheduled');
    expect(articleStatus(record('a', '2024-02-01T00:00:00Z'), clock)).toBe('published');
    const removed = { date: date('2023-06-01'), text: 'x', html: 'x', plain: 'x', showTitle: false };
    expect(articleStatus(record('a', '2023-01-01', { removed }), clock)).toBe('removed');
    expect(articleStatus(record('a', '2023-01-01', { expires: date('2024-02-01T00:00:00Z') }), clock)).toBe('expired');
    expect(articleStatus(record('a', '2023-01-01', { expires: date('2024-03-01') }), clock)).toBe('published');
    // Without a clock, dates decide nothing.
    expect(articleStatus(record('a', '2099-01-01', { expires: date('2099-02-01') }))).toBe('published');
  });

  test('the next moment the clock alone changes the site: a scheduled date or an expiry', () => {
    const records = [
      record('a', '2024-05-01'),
      record('b', '2023-01-01', { expires: date('2024-03-01T12:00:00Z') }),
      record('c', '2024-02-15', { draft: true }),
      record('d', '2023-01-01', { expires: date('2023-06-01') }),
    ];
    expect(nextChange(records, clock)).toBe(Date.parse('2024-03-01T12:00:00Z'));
    expect(nextChange([record('x', '2020-01-01')], clock)).toBeUndefined();
  });
});

describe('the list of published URLs', () => {
  const list = (urls: PublishedList['urls'], site = 'https://news.example.org/'): PublishedList => ({
    format: LIST_FORMAT,
    site,
    urls,
  });
  const key = (r: { file: string }) => r.file;

  test('reads back what it writes, one entry a line, in path order', () => {
    const written = renderPublishedList(
      list([
        { path: '/rss.xml', kind: 'feed' },
        { path: '/2018/02/27/deal/', kind: 'article', file: 'articles/deal.md' },
      ]),
    );
    expect(written.split('\n')[4]).toBe('    {"path":"/2018/02/27/deal/","kind":"article","file":"articles/deal.md"},');
    expect(parsePublishedList(written, 'urls.json').urls.map((u) => u.path)).toEqual(['/2018/02/27/deal/', '/rss.xml']);
  });

  test('refuses a file that is not such a list, naming it', () => {
    expect(() => parsePublishedList('{"urls": []}', 'old.json')).toThrow(/old\.json: not a list of published URLs/);
    expect(() => parsePublishedList('<html>', 'https://x/urls.json')).toThrow(/https:\/\/x\/urls\.json: not a list/);
    expect(() => parsePublishedList(JSON.stringify(list([{ path: 'no-slash', kind: 'page' }])), 'u')).toThrow(
      /entry 1/,
    );
  });

  test('an article whose date moved is redirected from its old URL; one deleted is lost, with what to do', () => {
    const previous = list(
      [
        { path: '/archive/2018/02/27/deal/', kind: 'article', file: 'moved.md' },
        { path: '/archive/news/old/', kind: 'alias', file: 'moved.md', to: '/archive/2018/02/27/deal/' },
        { path: '/archive/2017/01/01/gone/', kind: 'article', file: 'gone.md' },
        { path: '/archive/2016/01/01/drafted/', kind: 'article', file: 'drafted.md' },
        { path: '/archive/companies/gone-co/', kind: 'page' },
      ],
      'https://news.example.org/archive/',
    );
    const records = [
      record('deal', '2018-02-28', { file: 'moved.md', aliases: [{ path: 'news/old/' }] }),
      record('drafted', '2016-01-01', { file: 'drafted.md', draft: true }),
    ];
    const { moved, lost } = checkPublished(previous, servedUrls(records, undefined, key), (file) => `content/${file}`);
    expect(moved).toEqual([{ from: '2018/02/27/deal/', file: 'moved.md' }]);
    expect(lost.map((p) => [p.file, p.message.split(':')[0]])).toEqual([
      ['content/gone.md', 'the article URL /2017/01/01/gone/ was published and would no longer be served'],
      ['content/drafted.md', 'the article URL /2016/01/01/drafted/ was published and would no longer be served'],
    ]);
    expect(lost[0]!.message).toContain('the file is gone (deleted or renamed)');
    expect(lost[0]!.message).toContain('add "/2017/01/01/gone/" to the aliases of the article that replaces it');
    expect(lost[1]!.message).toContain('the article is now a draft');
    // A term page that vanished is only a warning.
    expect(vanishedPages(previous, new Set(['2018/02/28/deal/']))).toEqual(['companies/gone-co/']);
  });

  test('a removed article keeps its URL; a redirect carried from the last list is carried again', () => {
    const removed = { date: date('2020-01-01'), text: 'x', html: 'x', plain: 'x', showTitle: false };
    const previous = list([
      { path: '/2018/02/27/deal/', kind: 'removed', file: 'a.md' },
      { path: '/2018/01/01/earlier/', kind: 'moved', file: 'a.md', to: '/2018/02/27/deal/' },
    ]);
    const { moved, lost } = checkPublished(
      previous,
      servedUrls([record('deal', '2018-02-27', { file: 'a.md', removed })], undefined, key),
      String,
    );
    expect(lost).toEqual([]);
    expect(moved).toEqual([{ from: '2018/01/01/earlier/', file: 'a.md' }]);
  });
});

describe('redirects', () => {
  test('a redirect page: zero-second refresh, canonical, noindex, a visible link, no script, text escaped', () => {
    const html = redirectPageHtml({
      href: '/archive/2018/02/27/deal/',
      canonical: 'https://x.org/archive/2018/02/27/deal/',
      title: 'A <b>&</b> B',
      lang: 'en',
    });
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/archive/2018/02/27/deal/">');
    expect(html).toContain('<link rel="canonical" href="https://x.org/archive/2018/02/27/deal/">');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<a href="/archive/2018/02/27/deal/">A &lt;b&gt;&amp;&lt;/b&gt; B</a>');
    expect(html).not.toMatch(/<script|<style|style=/);
  });

  test('_redirects: a forced 301 for Netlify then a plain one for Cloudflare, escaped, with the base; withdrawn paths 410 last', () => {
    const file = redirectsFile([{ from: 'café/', to: '2018/02/27/deal/' }], ['2019/01/01/gone/'], '/archive/');
    const rules = file.split('\n').filter((line) => line && !line.startsWith('#'));
    // npm start reads it as Netlify does: the first rule for a path, its status.
    expect([...parseRedirectsFile(file)]).toEqual([
      ['/archive/caf%C3%A9/', { to: '/archive/2018/02/27/deal/', code: 301 }],
      ['/archive/2019/01/01/gone/', { to: '/archive/2019/01/01/gone/index.html', code: 410 }],
    ]);
    expect(rules).toEqual([
      '/archive/caf%C3%A9/ /archive/2018/02/27/deal/ 301!',
      '/archive/caf%C3%A9/ /archive/2018/02/27/deal/ 301',
      '/archive/2019/01/01/gone/ /archive/2019/01/01/gone/index.html 410!',
    ]);
  });
});
