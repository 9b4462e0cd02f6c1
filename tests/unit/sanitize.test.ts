/**
 * The article Markdown pipeline (src/lib/content/markdown.ts) with its sanitizer (src/lib/content/sanitize.ts),
 * run through Astro's own Markdown processor as the build runs it: what news copy needs
 * survives, what could run or redirect does not (in every spelling), every removal is reported,
 * and the ids the pipeline adds after the sanitizer keep working.
 */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, test } from 'vitest';
import { markdownOptions, pipelineReport } from '@/lib/content/markdown';
import { findRemovals, summarizeRemovals } from '@/lib/content/sanitize';

async function pipeline(trustedHtml: boolean) {
  return createMarkdownProcessor(markdownOptions({ trustedHtml }));
}
const sanitizing = await pipeline(false);
const trusted = await pipeline(true);

async function render(markdown: string) {
  const { code, metadata } = await sanitizing.render(markdown, { frontmatter: {} });
  const { removed } = pipelineReport(metadata);
  return { html: code, removed: removed.map((r) => r.what), lines: removed };
}

describe('what news copy needs survives', () => {
  test('tables with alignment, code with its language, quotes, lists and emphasis', async () => {
    const { html, removed } = await render(
      [
        '| L | C | R |',
        '| :- | :-: | -: |',
        '| a | b | c |',
        '',
        '```ts',
        'const x = 1;',
        '```',
        '',
        '> quoted *text*',
        '',
        '- one',
        '- ~~two~~',
      ].join('\n'),
    );
    // Alignment as classes: the `align` attribute is obsolete HTML.
    expect(html).toContain('<th class="align-left">L</th>');
    expect(html).toContain('<td class="align-right">c</td>');
    expect(html).toContain('<code class="language-ts">');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<del>two</del>');
    expect(removed).toEqual([]);
  });

  test('figures, abbreviations, sub and sup, details, and lang and dir', async () => {
    const { html, removed } = await render(
      [
        '<figure><img src="https://example.com/a.png" alt="A"><figcaption>Caption</figcaption></figure>',
        '',
        '<p><abbr title="World Health Organization">WHO</abbr> H<sub>2</sub>O x<sup>2</sup> <span lang="fr" dir="ltr">oui</span> <bdi dir="rtl">שלום</bdi> <cite>Work</cite> <mark>m</mark> <time datetime="2020-01-01">then</time></p>',
        '',
        '<details open><summary>More</summary>Inside</details>',
      ].join('\n'),
    );
    for (const kept of [
      '<figure><img src="https://example.com/a.png" alt="A"><figcaption>Caption</figcaption></figure>',
      '<abbr title="World Health Organization">WHO</abbr>',
      '<sub>2</sub>',
      '<sup>2</sup>',
      '<span lang="fr" dir="ltr">oui</span>',
      '<bdi dir="rtl">שלום</bdi>',
      '<cite>Work</cite>',
      '<mark>m</mark>',
      '<time datetime="2020-01-01">then</time>',
      '<details open><summary>More</summary>Inside</details>',
    ])
      expect(html).toContain(kept);
    expect(removed).toEqual([]);
  });

  test('links that are http(s), mailto, relative or a fragment, and http(s) or relative images', async () => {
    const { html, removed } = await render(
      '[a](https://example.com/) [b](http://example.com/) [c](mailto:desk@example.com) [d](/2020/) [e](../x/) [f](#top) ![g](https://example.com/g.png) ![h](/h.png)',
    );
    for (const href of [
      'https://example.com/',
      'http://example.com/',
      'mailto:desk@example.com',
      '/2020/',
      '../x/',
      '#top',
    ])
      expect(html).toContain(`href="${href}"`);
    expect(html).toContain('src="https://example.com/g.png"');
    expect(html).toContain('src="/h.png"');
    expect(removed).toEqual([]);
  });

  test('footnotes link to their note and back', async () => {
    const { html, removed } = await render('A claim.[^1]\n\n[^1]: The source.');
    const tree = fromHtml(html, { fragment: true });
    const ids = new Set<string>();
    const hrefs: string[] = [];
    const walk = (node: { type: string; properties?: Record<string, unknown>; children?: unknown[] }) => {
      if (node.properties?.id) ids.add(String(node.properties.id));
      if (typeof node.properties?.href === 'string') hrefs.push(node.properties.href);
      for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
    };
    walk(tree as never);
    const fragments = hrefs.filter((href) => href.startsWith('#')).map((href) => href.slice(1));
    expect(fragments.length).toBeGreaterThanOrEqual(2);
    for (const target of fragments) expect(ids, `#${target} has a target`).toContain(target);
    expect(html).toContain('aria-describedby="user-content-footnote-label"');
    expect(html).toContain('id="user-content-footnote-label"');
    expect(removed).toEqual([]);
  });
});

describe('what could run, embed, restyle or redirect is removed, and reported', () => {
  const cases: [string, string, string][] = [
    ['a script element', '<script>alert(1)</script>', '<script>'],
    ['an event handler', '<img src="/a.png" alt="a" onerror="alert(1)">', 'onerror attribute'],
    ['a javascript: link', '[x](javascript:alert(1))', 'javascript: URL in href'],
    ['a mixed-case scheme', '[x](JaVaScRiPt:alert(1))', 'javascript: URL in href'],
    ['an entity-encoded scheme', '<a href="&#106;avascript:alert(1)">x</a>', 'javascript: URL in href'],
    ['a hex-encoded scheme', '<a href="&#x6A;avascript&#x3A;alert(1)">x</a>', 'javascript: URL in href'],
    ['a tab inside the scheme', '<a href="java&#x09;script:alert(1)">x</a>', 'javascript: URL in href'],
    ['a data: link', '[x](data:text/html,hi)', 'data: URL in href'],
    ['a data: image', '![x](data:image/png;base64,AAAA)', 'data: URL in src'],
    ['a vbscript: link', '<a href="vbscript:msgbox(1)">x</a>', 'vbscript: URL in href'],
    ['an SVG with onload', '<svg onload="alert(1)"></svg>', '<svg>'],
    ['MathML', '<math><mi>x</mi></math>', '<math>'],
    ['an iframe', '<iframe src="https://example.com/"></iframe>', '<iframe>'],
    ['an object', '<object data="x.swf"></object>', '<object>'],
    ['an embed', '<embed src="x.swf">', '<embed>'],
    ['a base element', '<base href="https://evil.example/">', '<base>'],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/">', '<meta>'],
    ['a style element', '<style>body{display:none}</style>', '<style>'],
    ['a style attribute', '<p style="color:red">x</p>', 'style attribute'],
    ['a form', '<form action="https://evil.example/"><input name="q"></form>', '<form>'],
    ['a class the schema does not know', '<p class="big red">x</p>', 'class attribute'],
  ];
  for (const [name, markdown, what] of cases) {
    test(name, async () => {
      const { html, removed } = await render(`Text before.\n\n${markdown}\n\nText after.`);
      expect(removed).toContain(what);
      expect(html).not.toMatch(
        /alert\(1\)|javascript:|vbscript:|data:|onerror|onload|<script|<svg|<math|<iframe|<object|<embed|<base|<meta|<style|style=|<form|evil\.example|class="big/i,
      );
      expect(html).toContain('<p>Text before.</p>');
      expect(html).toContain('<p>Text after.</p>');
    });
  }

  test('an element it does not know is unwrapped: the element goes, its text stays', async () => {
    const { html, removed } = await render('<center><font color="red">Kept text</font></center>');
    expect(html).toContain('Kept text');
    expect(html).not.toMatch(/<center|<font/);
    expect(removed).toEqual(['<center>', '<font>']);
  });

  test('a paragraph that held only removed markup leaves no empty paragraph', async () => {
    const { html } = await render(
      'Before.\n\n<svg onload="x()"><circle r="1"></circle></svg> <iframe></iframe>\n\nAfter.',
    );
    expect(html).not.toContain('<p></p>');
    expect(html).toContain('<p>Before.</p>');
  });

  test('an image that loses its only source becomes its alt text', async () => {
    const { html, removed } = await render(
      'Look: <img src="javascript:x()" alt="the chart"> and <img src="data:," alt="">.',
    );
    expect(html).toBe('<p>Look: the chart and .</p>');
    expect(removed).toEqual(['javascript: URL in src', 'data: URL in src']);
  });

  test('HTML comments go without a report: they were never shown', async () => {
    const { html, removed } = await render('Text.\n\n<!-- <script>alert(1)</script> -->');
    expect(html).not.toContain('alert');
    expect(removed).toEqual([]);
  });

  test('each removal carries the line of the Markdown it was on', async () => {
    const { lines } = await render(
      'Line one.\n\nLine three.\n\n<script>x()</script>\n\n<p onclick="y()">Line seven.</p>',
    );
    expect(lines).toEqual([
      { what: '<script>', line: 5 },
      { what: 'onclick attribute', line: 7 },
    ]);
  });
});

describe('ids after the sanitizer', () => {
  test('heading ids carry no prefix and get their permalink', async () => {
    const { html } = await render('## Quarterly results');
    expect(html).toContain('<h2 id="quarterly-results">');
    expect(html).toContain('<a class="heading-anchor" href="#quarterly-results">');
  });

  test("a heading that would take one of the page's own ids gets a number, and links to it follow", async () => {
    const { html } = await render('## Main\n\n[up](#main)\n\n## Related heading');
    expect(html).toContain('<h2 id="main-1">');
    expect(html).toContain('<a href="#main-1">up</a>');
    expect(html).toContain('<h2 id="related-heading-1">');
    expect(html).not.toMatch(/id="main"|id="related-heading"/);
  });

  test("an editor's own ids are prefixed against DOM clobbering, and links to them follow", async () => {
    const { html } = await render('<a id="top"></a>Text.\n\n[back to top](#top) and <a name="note">a name</a>');
    expect(html).toContain('id="user-content-top"');
    expect(html).toContain('href="#user-content-top"');
    expect(html).toContain('name="user-content-note"');
  });
});

describe('a trusted archive', () => {
  test('keeps raw HTML as written and reports nothing', async () => {
    const { code, metadata } = await trusted.render(
      '<iframe src="https://video.example/1" title="Video"></iframe>\n\n<p style="color:red">x</p>',
      {
        frontmatter: {},
      },
    );
    expect(code).toContain('<iframe src="https://video.example/1" title="Video"></iframe>');
    expect(code).toContain('style="color:red"');
    expect(pipelineReport(metadata).removed).toEqual([]);
  });
});

describe('summarizeRemovals', () => {
  test('names each kind once, in order, with a count and its first line', () => {
    expect(
      summarizeRemovals([
        { what: '<script>', line: 12 },
        { what: 'onerror attribute', line: 14 },
        { what: '<script>', line: 20 },
      ]),
    ).toBe('<script> ×2 (line 12), onerror attribute (line 14)');
  });

  test('findRemovals reports nothing for an empty tree', () => {
    expect(findRemovals({ type: 'root', children: [] })).toEqual([]);
  });
});
