import { bestCopy, bringHome, uploadPath } from '@/lib/import/wp-media';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseArchiveDate } from '@/lib/dates';
import { htmlToMarkdown, htmlToPlainText } from '@/lib/import/html-to-markdown';
import type { ImportedArticle } from '@/lib/import/imported-article';
import { parseWxr, wxrDate } from '@/lib/import/wxr';

const FIXTURE = readFileSync(new URL('../fixtures/import/wordpress.xml', import.meta.url), 'utf8');
const result = parseWxr(FIXTURE, 'wordpress.xml');

function article(id: number): ImportedArticle {
  const found = result.articles.find((a) => a.origin === `wordpress.xml#post-${id}`);
  if (!found) throw new Error(`no article post-${id}`);
  return found;
}

describe('htmlToMarkdown', () => {
  test('Gutenberg block comments go; headings, lists, links, images, quotes and code come through', () => {
    const html = [
      '<!-- wp:heading {"level":3} -->',
      '<h3 class="wp-block-heading">Results</h3>',
      '<!-- /wp:heading -->',
      '',
      '<!-- wp:list {"ordered":true} -->',
      '<ol><!-- wp:list-item --><li>One <a href="https://example.com/a">link</a></li><!-- /wp:list-item --><li>Two</li></ol>',
      '<!-- /wp:list -->',
      '<!-- wp:image -->',
      '<figure class="wp-block-image"><img src="https://example.com/i.jpg" alt="A crane"/></figure>',
      '<!-- /wp:image -->',
      '<!-- wp:quote --><blockquote class="wp-block-quote"><p>Quoted <em>text</em>.</p></blockquote><!-- /wp:quote -->',
      '<!-- wp:code --><pre class="wp-block-code"><code>const a = 1;\n\nrun(a);</code></pre><!-- /wp:code -->',
      '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=abc","type":"video"} -->',
      '<figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">',
      'https://www.youtube.com/watch?v=abc',
      '</div></figure>',
      '<!-- /wp:embed -->',
    ].join('\n');
    expect(htmlToMarkdown(html)).toEqual({
      markdown:
        '### Results\n\n1. One [link](https://example.com/a)\n2. Two\n\n![A crane](https://example.com/i.jpg)\n\n> Quoted _text_.\n\n```\nconst a = 1;\n\nrun(a);\n```\n\n<https://www.youtube.com/watch?v=abc>',
      removed: [],
    });
  });

  test('tables come through as GFM tables', () => {
    const html =
      '<figure class="wp-block-table"><table><thead><tr><th>Port</th><th>TEU</th></tr></thead><tbody><tr><td>Hong Kong</td><td>1.4m</td></tr></tbody></table></figure>';
    expect(htmlToMarkdown(html).markdown).toBe('| Port      | TEU  |\n| --------- | ---- |\n| Hong Kong | 1.4m |');
  });

  test('text that looks like Markdown stays text', () => {
    const html =
      '<p>*not emphasis* and _this_ neither</p><p># not a heading</p><p>1. not a list</p><p>a &lt;b&gt; tag</p>';
    expect(htmlToMarkdown(html).markdown).toBe(
      '\\*not emphasis\\* and \\_this\\_ neither\n\n\\# not a heading\n\n1\\. not a list\n\na \\<b> tag',
    );
  });

  test("classic-editor text gets WordPress's paragraphs and line breaks", () => {
    const html =
      'First line\nsecond line\n\nSecond paragraph<!--more-->\n\n<h2>Heading</h2>\nText after the heading\n<ul>\n<li>item</li>\n</ul>\nhttps://vimeo.com/123\n\nSee https://example.com/x too.';
    expect(htmlToMarkdown(html).markdown).toBe(
      'First line\\\nsecond line\n\nSecond paragraph\n\n## Heading\n\nText after the heading\n\n- item\n\n<https://vimeo.com/123>\n\nSee https\\://example.com/x too.',
    );
  });

  test('a body already in paragraphs keeps its own (newlines inside are spaces), and <pre> keeps its blank lines', () => {
    const html = '<p>One paragraph\nwrapped in the source.</p>\n\n<pre>a\n\nb</pre>';
    expect(htmlToMarkdown(html).markdown).toBe('One paragraph wrapped in the source.\n\n```\na\n\nb\n```');
  });

  test('[caption] keeps its image and caption; [gallery] goes and is reported; [[escaped]] shortcodes are text', () => {
    const html =
      'Intro.\n\n[caption id="attachment_9" align="alignleft" width="300"]<img src="https://example.com/p.jpg" alt="Pier" /> The pier[/caption]\n\n[gallery ids="1,2"]\n\nWrite [[gallery]] to show one.';
    expect(htmlToMarkdown(html)).toEqual({
      markdown: 'Intro.\n\n![Pier](https://example.com/p.jpg)\n\nThe pier\n\nWrite \\[gallery] to show one.',
      removed: [{ what: '[gallery] shortcode' }],
    });
  });

  test('unknown shortcodes are removed (an enclosing one keeps its text) and reported; bracketed words are not shortcodes', () => {
    const html =
      '<p>Before [contact-form-7 id="12" title="Contact"] after [sic] [1].</p><p>[su_note]A note[/su_note]</p><p>[embed]https://example.com/v[/embed]</p>';
    expect(htmlToMarkdown(html)).toEqual({
      markdown: 'Before after \\[sic] \\[1].\n\nA note\n\n<https://example.com/v>',
      removed: [{ what: '[contact-form-7] shortcode' }, { what: '[su_note] shortcode' }],
    });
  });

  test("the build's sanitizer rules apply, and what they remove is reported", () => {
    const html =
      '<p>Hi <a href="javascript:alert(1)">there</a>.</p><script>alert(1)</script><p><img src="https://example.com/x.png" alt="X" onerror="alert(2)" class="wp-image-3" style="width:10px"></p><iframe src="https://www.youtube.com/embed/x"></iframe><p onclick="steal()">End <font color="red">red</font></p>';
    const { markdown, removed } = htmlToMarkdown(html);
    expect(markdown).toBe('Hi there.\n\n![X](https://example.com/x.png)\n\nEnd red');
    // class and style are not reported: Markdown has no place for them either way.
    expect(removed).toEqual([
      { what: 'javascript: URL in href' },
      { what: '<script>' },
      { what: 'onerror attribute' },
      { what: '<iframe>' },
      { what: 'onclick attribute' },
      { what: '<font>' },
    ]);
    expect(markdown).not.toMatch(/script|javascript|onerror|iframe/);
  });

  test('empty WordPress spacer paragraphs go', () => {
    expect(htmlToMarkdown('<p>One</p>\n<p>&nbsp;</p>\n<p>Two</p>').markdown).toBe('One\n\nTwo');
    expect(htmlToMarkdown('').markdown).toBe('');
  });
});

describe('htmlToPlainText', () => {
  test('strips tags, decodes entities, collapses white space, keeps blocks apart', () => {
    expect(
      htmlToPlainText(
        '<p>An <em>excerpt</em>&nbsp;with &amp; entity&#8217;s\n  text.</p><p>Second.</p><script>x()</script>',
      ),
    ).toBe('An excerpt with & entity’s text. Second.');
    expect(htmlToPlainText('  ')).toBe('');
  });
});

describe('wxrDate', () => {
  test.each([
    ['2019-03-10 14:30:00', '2019-03-10 06:30:00', '2019-03-10T14:30:00+08:00'],
    ['2020-01-15 09:00:00', '2020-01-15 14:00:00', '2020-01-15T09:00:00-05:00'],
    ['2012-11-05 08:00:00', '2012-11-05 08:00:00', '2012-11-05T08:00:00Z'],
    // Nepal, and a local date on the next calendar day.
    ['2018-05-01 05:45:00', '2018-05-01 00:00:00', '2018-05-01T05:45:00+05:45'],
    ['2021-01-01 00:15:00', '2020-12-31 18:30:00', '2021-01-01T00:15:00+05:45'],
    ['2019-03-10 00:00:00', '2019-03-10 03:30:00', '2019-03-10T00:00:00-03:30'],
  ])('%s with GMT %s → %s', (local, gmt, written) => {
    const { date, warning } = wxrDate(local, gmt);
    expect(date).toBe(written);
    expect(warning).toBeUndefined();
    const parsed = parseArchiveDate(date!, 'UTC');
    expect(typeof parsed).toBe('object');
    if (typeof parsed === 'object') expect(parsed.instant).toBe(Date.parse(`${gmt.replace(' ', 'T')}Z`));
  });

  test('an offset a few minutes off (clocks saved apart) is rounded to 15 minutes', () => {
    expect(wxrDate('2019-03-10 14:37:10', '2019-03-10 06:30:00')).toEqual({ date: '2019-03-10T14:37:10+08:00' });
    expect(wxrDate('2019-03-10 14:23:00', '2019-03-10 06:30:00')).toEqual({ date: '2019-03-10T14:23:00+08:00' });
  });

  test('a draft without a GMT time is written without an offset', () => {
    expect(wxrDate('2022-02-01 10:00:00', '0000-00-00 00:00:00')).toEqual({ date: '2022-02-01T10:00:00' });
  });

  test('only a GMT time is written in UTC; neither is no date', () => {
    expect(wxrDate('0000-00-00 00:00:00', '2022-02-01 02:00:00')).toEqual({ date: '2022-02-01T02:00:00Z' });
    expect(wxrDate('0000-00-00 00:00:00', '0000-00-00 00:00:00')).toEqual({});
    expect(wxrDate('', '')).toEqual({});
  });

  test('times more than 14 hours apart use the GMT time, with a warning', () => {
    const { date, warning } = wxrDate('2022-02-03 10:00:00', '2022-02-01 10:00:00');
    expect(date).toBe('2022-02-01T10:00:00Z');
    expect(warning).toMatch(/more than 14 hours apart/);
  });

  test('an impossible calendar date gives no date and a warning', () => {
    const { date, warning } = wxrDate('2019-02-30 10:00:00', '2019-02-30 02:00:00');
    expect(date).toBeUndefined();
    expect(warning).toMatch(/2019-02-30 10:00:00/);
  });
});

describe('parseWxr on a WordPress export', () => {
  test('reads posts as articles, in export order, with no problems', () => {
    expect(result.problems).toEqual([]);
    expect(result.articles.map((a) => a.origin)).toEqual([
      'wordpress.xml#post-101',
      'wordpress.xml#post-102',
      'wordpress.xml#post-103',
      'wordpress.xml#post-104',
      'wordpress.xml#post-105',
      'wordpress.xml#post-106',
    ]);
  });

  test('skips pages, attachments, menu items, trashed posts and auto-drafts, saying why', () => {
    expect(result.skipped).toEqual([
      { origin: 'wordpress.xml#post-2', reason: 'a page' },
      { origin: 'wordpress.xml#post-201', reason: 'an attachment' },
      { origin: 'wordpress.xml#post-107', reason: 'trashed' },
      { origin: 'wordpress.xml#post-8', reason: 'a nav_menu_item' },
      { origin: 'wordpress.xml#post-109', reason: 'an auto-draft' },
    ]);
  });

  test('a published block-editor post: every field', () => {
    expect(article(101)).toEqual({
      origin: 'wordpress.xml#post-101',
      title: 'Harbour authority approves new container terminal',
      date: '2021-06-01T09:15:00+08:00',
      bylines: ['Jane Doe'],
      companies: [],
      topics: ['Shipping', 'Ports'],
      summary: 'The harbour authority’s vote clears the way for a fourth terminal.',
      source: 'https://blog.example.com/2021/06/01/harbour-authority-approves-new-container-terminal/',
      // The permalink's path on the blog's own site, kept as an alias (the plan drops it where it is the new URL).
      aliases: ['/2021/06/01/harbour-authority-approves-new-container-terminal/'],
      // The featured image (its attachment's alt text and caption) and the body's picture, on the blog's own site.
      media: [
        {
          url: 'https://blog.example.com/wp-content/uploads/2021/06/terminal.jpg',
          upload: '2021/06/terminal.jpg',
          role: 'lead',
          alt: 'Cranes at the existing terminal',
          caption: 'The existing terminal in May',
        },
        {
          url: 'https://blog.example.com/wp-content/uploads/2021/06/terminal-1024x683.jpg',
          upload: '2021/06/terminal-1024x683.jpg',
          role: 'inline',
          alt: 'Cranes at the existing terminal',
        },
      ],
      draft: false,
      body: [
        'The harbour authority voted on Monday to build a fourth container terminal, according to [the published minutes](https://example.org/minutes/2021-05-31).',
        '',
        '## What changes',
        '',
        '- Two new berths for _post-Panamax_ ships',
        '- A rail link to the **inland depot**',
        '',
        '![Cranes at the existing terminal](https://blog.example.com/wp-content/uploads/2021/06/terminal-1024x683.jpg)',
        '',
        'The existing terminal in May',
        '',
        '> We have waited ten years for this.',
        '>',
        '> A shipping agent',
        '',
        // `]]>` was split across two CDATA sections in the export, as WordPress writes it.
        'The tender rule reads `berths[phase[1]]>2` in the planning model.',
      ].join('\n'),
      dropped: [],
      warnings: [],
    });
  });

  test('non-Latin copy, a +08:00 offset and a display name from the author list', () => {
    const post = article(102);
    expect(post.title).toBe('香港港口吞吐量創新高');
    expect(post.date).toBe('2019-03-10T14:30:00+08:00');
    // Its percent-escaped permalink, kept as the path it names.
    expect(post.aliases).toEqual(['/2019/03/10/香港港口/']);
    expect(post.bylines).toEqual(['李偉']);
    expect(post.topics).toEqual(['Shipping', '港口']);
    expect(post.summary).toBeUndefined();
    expect(post.body).toBe('香港港口二月份的貨櫃吞吐量按年上升**百分之八**。\n\n\\* 數字為初步統計。');
  });

  test('a classic-editor post: paragraphs from blank lines, [caption] kept, [gallery] reported, Markdown-like text escaped', () => {
    const post = article(103);
    expect(post.title).toBe('Ferry timetable changes & what they mean');
    expect(post.date).toBe('2012-11-05T08:00:00Z');
    expect(post.topics).toEqual([]);
    expect(post.body).toBe(
      [
        'From Monday the outer-island ferries run every 40 minutes.\\',
        'The last sailing leaves at 23:30.',
        '',
        '\\*Not emphasis\\*, just stars.',
        '',
        '[![The central pier](https://blog.example.com/wp-content/uploads/2012/11/pier-300x200.jpg "pier")](https://blog.example.com/wp-content/uploads/2012/11/pier.jpg)',
        '',
        'The central pier at dusk',
        '',
        '### Fares',
        '',
        'Fares stay at HK$20 \\[sic].\\',
        '\\# is not a heading here.',
      ].join('\n'),
    );
    expect(post.warnings).toEqual(['removed [gallery] shortcode']);
  });

  test('hostile markup is sanitized and reported in one warning; an unknown login is its own byline', () => {
    const post = article(104);
    expect(post.body).toBe(
      'The booking system was down for six hours.\n\n![Error screen](https://blog.example.com/wp-content/uploads/2020/01/screen.png)',
    );
    expect(post.warnings).toEqual(['removed javascript: URL in href, <script> ×2, onerror attribute']);
    expect(post.bylines).toEqual(['guest-writer']);
    expect(post.date).toBe('2020-01-15T09:00:00-05:00');
    expect(post.topics).toEqual(['Science & Tech']);
    expect(post.summary).toBe('Bookings stopped. Six hours.');
  });

  test('a draft: draft, no offset, its ?p= link kept as the source (not as an alias), no warning', () => {
    const post = article(105);
    expect(post.draft).toBe(true);
    expect(post.date).toBe('2022-02-01T10:00:00');
    expect(post.source).toBe('https://blog.example.com/?p=105');
    expect(post.aliases).toBeUndefined();
    expect(post.topics).toEqual([]);
    expect(post.warnings).toEqual([]);
  });

  test('a pending post with no title: a draft, title undefined, a warning naming the status', () => {
    const post = article(106);
    expect(post.draft).toBe(true);
    expect(post.title).toBeUndefined();
    expect(post.warnings).toEqual(['pending review in WordPress (status pending): imported as a draft']);
    expect(post.date).toBe('2023-07-04T18:45:00+08:00');
  });

  test('only published posts are not drafts', () => {
    expect(result.articles.filter((a) => !a.draft).map((a) => a.origin)).toEqual([
      'wordpress.xml#post-101',
      'wordpress.xml#post-102',
      'wordpress.xml#post-103',
      'wordpress.xml#post-104',
    ]);
  });

  test("every written date reads back with the build's date rule", () => {
    for (const post of result.articles) {
      expect(post.date, post.origin).toBeDefined();
      expect(typeof parseArchiveDate(post.date!, 'UTC'), post.origin).toBe('object');
    }
  });
});

describe('parseWxr on other input', () => {
  const post = (status: string, extra = '') =>
    `<item><title>T</title><wp:post_id>5</wp:post_id><wp:post_type>post</wp:post_type><wp:status>${status}</wp:status><wp:post_date>2020-01-01 10:00:00</wp:post_date><wp:post_date_gmt>2020-01-01 10:00:00</wp:post_date_gmt>${extra}</item>`;
  const wxr = (items: string) =>
    `<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>${items}</channel></rss>`;

  test('XML that is not an RSS channel is a problem, not a throw', () => {
    expect(parseWxr('<?xml version="1.0"?><html><body><p>Hi</p></body></html>', 'page.xml')).toEqual({
      articles: [],
      skipped: [],
      problems: ['not a WordPress export (WXR): it has no <rss><channel>'],
    });
    expect(parseWxr('just some text', 'notes.txt').problems).toEqual([
      'not a WordPress export (WXR): it has no <rss><channel>',
    ]);
  });

  test('an ordinary RSS feed is a problem too', () => {
    const feed =
      '<rss version="2.0"><channel><title>News</title><item><title>A</title><link>https://example.com/a</link></item></channel></rss>';
    const { articles, problems } = parseWxr(feed, 'feed.xml');
    expect(articles).toEqual([]);
    expect(problems).toEqual([
      'an RSS feed, not a WordPress export (WXR): it has no wp:wxr_version and no wp:post_type',
    ]);
  });

  test('an export cut short gives its complete items and says so', () => {
    const cut = FIXTURE.slice(0, FIXTURE.indexOf('<title>Ferry'));
    const { articles, problems } = parseWxr(cut, 'cut.xml');
    expect(articles.map((a) => a.origin)).toEqual(['cut.xml#post-101', 'cut.xml#post-102']);
    expect(problems).toEqual([
      'not well-formed XML: it ends inside <rss> <channel> <item> (the file may be cut short); read what could be read',
    ]);
  });

  test.each([
    ['future', 'scheduled in WordPress (status future): imported as a draft'],
    ['private', 'private in WordPress (status private): imported as a draft'],
  ])('status %s: a draft with a warning', (status, warning) => {
    const [only] = parseWxr(wxr(post(status)), 'x.xml').articles;
    expect(only.draft).toBe(true);
    expect(only.warnings).toEqual([warning]);
  });

  test('an unknown status, and a password-protected published post, are drafts with a warning', () => {
    const { articles } = parseWxr(
      wxr(post('archived') + post('publish', '<wp:post_password>s3cret</wp:post_password>')),
      'x.xml',
    );
    expect(articles.map((a) => [a.draft, a.warnings])).toEqual([
      [true, ['WordPress status "archived": imported as a draft']],
      [true, ['password-protected in WordPress: imported as a draft']],
    ]);
  });

  test('status inherit is skipped; a revision is skipped as a revision', () => {
    const { articles, skipped } = parseWxr(
      wxr(post('inherit') + post('inherit').replace('>post<', '>revision<')),
      'x.xml',
    );
    expect(articles).toEqual([]);
    expect(skipped).toEqual([
      { origin: 'x.xml#post-5', reason: 'status inherit' },
      { origin: 'x.xml#post-5', reason: 'a revision' },
    ]);
  });

  test('a headline of digits stays a string; a relative or missing link is no source; no author list falls back to the login', () => {
    const item = post('publish', '<link>/?p=5</link><dc:creator>editor1</dc:creator>').replace(
      '<title>T</title>',
      '<title>1984</title>',
    );
    const [only] = parseWxr(
      wxr(item).replace('<rss ', '<rss xmlns:dc="http://purl.org/dc/elements/1.1/" '),
      'x.xml',
    ).articles;
    expect(only.title).toBe('1984');
    expect(only.source).toBeUndefined();
    expect(only.bylines).toEqual(['editor1']);
    expect(only.body).toBe('');
  });
});

describe('a WordPress post’s pictures, brought home', () => {
  test("resized names map back to the largest copy present; other sites' and odd addresses are no uploads", () => {
    const blog = new URL('https://blog.example.com/');
    expect(uploadPath('https://blog.example.com/wp-content/uploads/2021/06/terminal-1024x683.jpg', blog)).toBe(
      '2021/06/terminal-1024x683.jpg',
    );
    expect(uploadPath('https://cdn.example.net/wp-content/uploads/2021/06/x.jpg', blog)).toBeUndefined();
    expect(uploadPath('https://blog.example.com/about/', blog)).toBeUndefined();
    const folder = [
      { name: 'terminal-1024x683.jpg', size: 90_000 },
      { name: 'terminal-scaled.jpg', size: 400_000 },
      { name: 'terminal.jpg', size: 900_000 },
      { name: 'terminal-2.jpg', size: 999_999 },
      { name: 'terminal.png', size: 5_000_000 },
    ];
    expect(bestCopy('2021/06/terminal-1024x683.jpg', folder)).toBe('2021/06/terminal.jpg');
    expect(bestCopy('2021/06/terminal-scaled.jpg', folder.slice(0, 2))).toBe('2021/06/terminal-scaled.jpg');
    expect(bestCopy('2021/06/other.jpg', folder)).toBeUndefined();
  });

  test('found pictures are copied into the article’s folder and linked; missing ones are left out, never hot-linked', () => {
    const media = [
      {
        url: 'https://b/wp-content/uploads/a-300x200.jpg',
        upload: 'a-300x200.jpg',
        role: 'lead' as const,
        alt: 'A',
        caption: 'Cap',
      },
      { url: 'https://b/wp-content/uploads/a-300x200.jpg', upload: 'a-300x200.jpg', role: 'inline' as const, alt: 'A' },
      { url: 'https://b/wp-content/uploads/gone.png', upload: 'gone.png', role: 'inline' as const, alt: 'G' },
    ];
    const body =
      'Text.\n\n![A](https://b/wp-content/uploads/a-300x200.jpg "T")\n\n![G](https://b/wp-content/uploads/gone.png)\n\nEnd.';
    const found = bringHome(
      media,
      body,
      { relative: 'slug/', absolute: '/c/articles/2021/slug' },
      (upload) => (upload === 'a-300x200.jpg' ? '/up/a.jpg' : undefined),
      (...p) => p.join('/'),
    );
    expect(found.copies).toEqual([{ from: '/up/a.jpg', to: '/c/articles/2021/slug/a.jpg' }]);
    expect(found.image).toEqual({ src: 'slug/a.jpg', alt: 'A', caption: 'Cap' });
    expect(found.body).toBe('Text.\n\n![A](slug/a.jpg "T")\n\nEnd.');
    expect(found.leftOut).toEqual(['https://b/wp-content/uploads/gone.png (not in the uploads folder)']);
    // Without --media: every picture is listed, none linked.
    const none = bringHome(media, body, { relative: 'slug/', absolute: '/x' }, undefined, (...p) => p.join('/'));
    expect(none.body).toBe('Text.\n\nEnd.');
    expect(none.image).toBeUndefined();
    expect(none.leftOut).toHaveLength(3);
  });
});
