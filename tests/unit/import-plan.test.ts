import { describe, expect, test } from 'vitest';
import type { RegistryRecord } from '@/lib/content/schema';
import { parseFrontmatter } from '@/lib/content/frontmatter';
import { articleFileText } from '@/lib/import/article-file';
import { findOtherOrganisations, findRegistryCompanies } from '@/lib/import/company-names';
import type { ImportedArticle } from '@/lib/import/imported-article';
import { planImport, type ImportSettings } from '@/lib/import/plan-import';

const REGISTRY: RegistryRecord[] = [
  { slug: 'microsoft', file: 'microsoft.md', name: 'Microsoft', aliases: ['Microsoft Corp'] },
  { slug: 'xiaomi', file: 'xiaomi.md', name: 'Xiaomi', aliases: ['Xiaomi Corp', '小米'] },
];

describe('findRegistryCompanies', () => {
  test('finds names and aliases as whole words, any case, in order of first mention', () => {
    expect(findRegistryCompanies('XIAOMI and microsoft corp signed.', REGISTRY)).toEqual(['Xiaomi', 'Microsoft']);
    expect(findRegistryCompanies('Microsoftish and Xiaomis are not names.', REGISTRY)).toEqual([]);
  });

  test('finds a name in a script written without spaces anywhere in the text', () => {
    expect(findRegistryCompanies('小米手机销量上升', REGISTRY)).toEqual(['Xiaomi']);
  });
});

describe('findOtherOrganisations', () => {
  test('lists names with a corporate suffix, acronyms and the members of a list that names one', () => {
    const text =
      'Shares of Acme Holdings Inc. rose. Globex Corp, Initech and Hooli fell. The CEO of NASA spoke. IBM, Google and Amazon agreed.';
    expect(findOtherOrganisations(text, REGISTRY)).toEqual([
      'Acme Holdings Inc',
      'Globex Corp',
      'Initech',
      'Hooli',
      'NASA',
      'IBM',
      'Google',
      'Amazon',
    ]);
  });

  test('leaves out registry names, names already chosen, everyday acronyms and a capitalised sentence opener', () => {
    const text = 'Additionally, Microsoft and Xiaomi met. The AI, the CEO and the US were there. Globex Corp too.';
    expect(findOtherOrganisations(text, REGISTRY, ['Globex Corp'])).toEqual([]);
  });
});

describe('articleFileText', () => {
  test('writes the fields in the order editors read them, lists in flow style, and quotes only what needs it', () => {
    const text = articleFileText(
      {
        title: 'Microsoft: "yes" # no',
        date: '2018-02-27T06:20:00Z',
        bylines: ['Jane Doe', 'John Roe'],
        companies: ['Microsoft'],
        topics: ['AI, ML', '123'],
        summary: 'Short.',
        source: 'https://x.org/a?b=1#c',
        draft: true,
      },
      'Body.\n',
    );
    expect(text).toBe(
      [
        '---',
        `title: 'Microsoft: "yes" # no'`,
        'date: 2018-02-27T06:20:00Z',
        'byline: [Jane Doe, John Roe]',
        'companies: [Microsoft]',
        'topics: ["AI, ML", "123"]',
        'summary: Short.',
        'source:',
        '  url: https://x.org/a?b=1#c',
        'draft: true',
        '---',
        '',
        'Body.',
        '',
      ].join('\n'),
    );
    const parsed = parseFrontmatter(text);
    expect('data' in parsed && parsed.data).toMatchObject({
      title: 'Microsoft: "yes" # no',
      topics: ['AI, ML', '123'],
      byline: ['Jane Doe', 'John Roe'],
    });
  });

  test('a file without a body ends after the frontmatter', () => {
    expect(articleFileText({ title: 'A', date: '2018-02-27' }, '')).toBe('---\ntitle: A\ndate: 2018-02-27\n---\n');
  });
});

function imported(extra: Partial<ImportedArticle> = {}): ImportedArticle {
  return {
    origin: 'copy.txt',
    title: 'Xiaomi and IBM sign',
    date: '2018-02-27',
    bylines: [],
    companies: [],
    topics: [],
    draft: false,
    body: 'Xiaomi and IBM signed a deal.',
    dropped: [],
    warnings: [],
    ...extra,
  };
}

const SETTINGS: ImportSettings = {
  contentDir: '/c',
  timeZone: 'UTC',
  registry: REGISTRY,
  force: false,
  exists: () => false,
  display: (file) => file,
};

describe('planImport', () => {
  test('plans the file in its year folder, with registry companies written and others to confirm', () => {
    const plan = planImport([{ articles: [imported()] }], { bylines: [], companies: [], topics: [] }, SETTINGS);
    expect(plan.skipped).toEqual([]);
    expect(plan.files).toHaveLength(1);
    expect(plan.files[0]).toMatchObject({
      absolute: '/c/articles/2018/xiaomi-and-ibm-sign.md',
      suggested: ['Xiaomi'],
      toConfirm: ['IBM'],
      overwrites: false,
    });
    expect(plan.files[0].text).toContain('companies: [Xiaomi]\n');
  });

  test('batch fields: the date and byline fill what the copy lacks; companies and topics are added, once each', () => {
    const batch = { date: '2019-01-01', bylines: ['Jane Doe'], companies: ['xiaomi', 'Globex'], topics: ['Deals'] };
    const plan = planImport(
      [{ articles: [imported({ date: undefined, bylines: [] }), imported({ title: 'Other', bylines: ['John Roe'] })] }],
      batch,
      SETTINGS,
    );
    expect(plan.files.map((file) => file.absolute)).toEqual([
      '/c/articles/2019/xiaomi-and-ibm-sign.md',
      '/c/articles/2018/other.md',
    ]);
    expect(plan.files[0].text).toContain(
      'date: 2019-01-01\nbyline: Jane Doe\ncompanies: [Xiaomi, Globex]\ntopics: [Deals]\n',
    );
    expect(plan.files[1].text).toContain('date: 2018-02-27\nbyline: John Roe\n');
  });

  test('skips, with the reason, copy without headline or date, the same file twice, and existing files unless forced', () => {
    const sources = [
      {
        articles: [
          imported({ title: undefined }),
          imported({ date: undefined }),
          imported(),
          imported({ origin: 'again.txt' }),
        ],
      },
    ];
    const plan = planImport(
      sources,
      { bylines: [], companies: [], topics: [] },
      { ...SETTINGS, exists: (file) => file.endsWith('xiaomi-and-ibm-sign.md') },
    );
    expect(plan.files).toEqual([]);
    expect(plan.skipped.map(({ reason, failed }) => [reason.replace(/ \(.*$/, ''), failed])).toEqual([
      ['no headline found', true],
      ['no date found in the copy; give one with --date', true],
      ['/c/articles/2018/xiaomi-and-ibm-sign.md already exists', false],
      ['/c/articles/2018/xiaomi-and-ibm-sign.md already exists', false],
    ]);
    const forced = planImport(
      [{ articles: [imported(), imported({ origin: 'again.txt' })] }],
      { bylines: [], companies: [], topics: [] },
      { ...SETTINGS, force: true, exists: () => true },
    );
    expect(forced.files).toHaveLength(1);
    expect(forced.files[0].warnings).toEqual(['replaces /c/articles/2018/xiaomi-and-ibm-sign.md (--force)']);
    expect(forced.skipped[0].reason).toBe(
      '/c/articles/2018/xiaomi-and-ibm-sign.md is already written from copy.txt in this import',
    );
  });

  test('never plans a file the build would reject', () => {
    const plan = planImport(
      [{ articles: [imported({ date: '2018-02-30' }), imported({ body: '## Only a heading' })] }],
      { bylines: [], companies: [], topics: [] },
      SETTINGS,
    );
    expect(plan.files).toEqual([]);
    expect(plan.skipped.map((s) => s.reason)).toEqual([
      'the article would not build: date: "2018-02-30" is not a calendar date: 2018-02 has no day 30',
      'the article would not build: summary: no summary given and the body has no paragraph to derive one from; add a summary or a first paragraph',
    ]);
  });

  test('counts what a source says is not an article', () => {
    const plan = planImport(
      [{ articles: [], skipped: [{ origin: 'x.xml#post-1', reason: 'a page' }] }],
      { bylines: [], companies: [], topics: [] },
      SETTINGS,
    );
    expect(plan.notArticles).toEqual([{ origin: 'x.xml#post-1', reason: 'a page' }]);
  });
});
