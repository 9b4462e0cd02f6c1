/**
 * Other reports of the same story (src/lib/stories/): the story terms, and the finder held to a
 * labelled fixture (tests/fixtures/stories/labelled.json: reports of one event by different
 * outlets in their own words, and many articles about the same companies in the same weeks that
 * report other events). The threshold is tuned on one half of the pairs and measured on the
 * other: precision at least 0.95, recall at least 0.8. The seed pair, beside other Microsoft and
 * Xiaomi stories of its week (seed-neighbours.json), find each other and nothing else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseFrontmatter, type ParsedFrontmatter } from '@/lib/content/frontmatter';
import { slugify } from '@/lib/slug';
import {
  NEAR_DUPLICATE_MIN_SCORE,
  nearDuplicates,
  SAME_STORY_MIN_SCORE,
  STORY_WINDOW_DAYS,
  findStories,
  storiesByItem,
  storyPairs,
  type StoryItem,
  type StoryRun,
} from '@/lib/stories/same-story';
import { readStoryTerms, STORY_TERMS_KEPT, storyTerms, storyTermsDigest } from '@/lib/stories/story-terms';
import { labelledArticles, type LabelledArticle } from '../fixtures/stories/labelled';

const DAY = 86_400_000;

function itemOf(article: LabelledArticle): StoryItem {
  const terms = storyTerms(article.title, article.body, /\p{Script=Han}/u.test(article.title) ? 'zh' : 'en');
  return {
    key: article.id,
    instant: Date.parse(article.date),
    names: article.companies.map((name) => `companies/${slugify(name)}`),
    source: slugify(article.source),
    terms,
    termsDigest: storyTermsDigest(terms),
  };
}

/** A pair as a key, whichever way round. */
const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

interface Judged {
  key: string;
  same: boolean;
  score: number;
}

/**
 * Every pair a reader would ask about: reports of one event (the positives) and articles of
 * different events that share a company (the negatives), each with the finder's score (0 when
 * it does not compare them: too far apart in time, or no name in common).
 */
function judgedPairs(articles: readonly LabelledArticle[]): Judged[] {
  const items = articles.map(itemOf);
  const scores = new Map(
    storyPairs(items, { minScore: 0 }).map((pair) => [pairKey(articles[pair.a]!.id, articles[pair.b]!.id), pair.score]),
  );
  const judged: Judged[] = [];
  for (let i = 0; i < articles.length; i += 1)
    for (let j = i + 1; j < articles.length; j += 1) {
      const [a, b] = [articles[i]!, articles[j]!];
      const same = a.event === b.event;
      if (!same && !a.companies.some((company) => b.companies.includes(company))) continue;
      const key = pairKey(a.id, b.id);
      judged.push({ key, same, score: scores.get(key) ?? 0 });
    }
  return judged.sort((x, y) => (x.key < y.key ? -1 : 1));
}

function measure(pairs: readonly Judged[], threshold: number) {
  const found = pairs.filter((pair) => pair.score >= threshold);
  const right = found.filter((pair) => pair.same).length;
  const positives = pairs.filter((pair) => pair.same).length;
  const precision = found.length ? right / found.length : 1;
  const recall = positives ? right / positives : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

describe('story terms', () => {
  test('folded words without the common ones, plurals and possessives off, the headline twice, most frequent first', () => {
    const terms = readStoryTerms(
      storyTerms(
        'Contoso’s factories',
        'The factories of Contoso said: "Contoso builds [batteries](https://example.com/x) in Málaga". <b>Batteries</b> 2024.',
        'en',
      ),
    );
    expect([...terms]).toEqual([
      ['contoso', 4],
      ['factory', 3],
      ['battery', 2],
      ['build', 1],
      ['malaga', 1],
    ]);
  });

  test('Chinese is read as words; the terms kept are bounded', () => {
    const terms = readStoryTerms(storyTerms('小米发布新手机', '小米今天在北京发布了一款新手机。', 'zh'));
    expect(terms.get('小米')).toBe(3);
    expect(terms.get('手机')).toBe(3);
    const long = Array.from({ length: 500 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`).join(' ');
    expect(readStoryTerms(storyTerms('', long, 'en')).size).toBe(STORY_TERMS_KEPT);
  });
});

describe('reports of the same story', () => {
  const articles = labelledArticles('labelled.json');
  const stories = articles.filter((article) => !article.event.startsWith('d'));
  const judged = judgedPairs(stories);
  // Two halves alike: the positives, and the negatives, each alternately in a fixed order (by key).
  const negatives = judged.filter((pair) => !pair.same);
  const positives = judged.filter((pair) => pair.same);
  const tuneKeys = new Set(
    [positives, negatives].flatMap((pairs) => pairs.filter((_, index) => index % 2 === 0).map((pair) => pair.key)),
  );
  const tune = judged.filter((pair) => tuneKeys.has(pair.key));
  const held = judged.filter((pair) => !tuneKeys.has(pair.key));

  test('the fixture is what the issue asks for: 20+ pairs of one event, 50+ of one company and not one event', () => {
    expect(judged.filter((pair) => pair.same).length).toBeGreaterThanOrEqual(20);
    expect(negatives.length).toBeGreaterThanOrEqual(50);
    // Hard ones among them: the same company within the window.
    const byId = new Map(stories.map((article) => [article.id, article]));
    const close = negatives.filter((pair) => {
      const [a, b] = pair.key.split(' ').map((id) => Date.parse(byId.get(id)!.date));
      return Math.abs(a! - b!) <= STORY_WINDOW_DAYS * DAY;
    });
    expect(close.length).toBeGreaterThanOrEqual(20);
    console.log(
      `labelled fixture: ${judged.filter((pair) => pair.same).length} pairs of one story, ${negatives.length} of one company and not one story, ${close.length} of them within ${STORY_WINDOW_DAYS} days`,
    );
  });

  test('the threshold is one the tuning half picks, and the held-out half meets precision 0.95 and recall 0.8', () => {
    // Tuning: each score seen as the threshold; the best F1, and the range of thresholds that give it.
    const candidates = [...new Set(tune.map((pair) => pair.score))].sort((a, b) => a - b);
    const f1s = candidates.map((threshold) => measure(tune, threshold).f1);
    const bestF1 = Math.max(...f1s);
    const first = f1s.indexOf(bestF1);
    const range = [candidates[first - 1] ?? 0, candidates[f1s.lastIndexOf(bestF1)]!] as const;
    console.log(
      `tuning half: best F1 ${bestF1.toFixed(3)} for thresholds in (${range[0].toFixed(3)}, ${range[1].toFixed(3)}]`,
    );
    expect(SAME_STORY_MIN_SCORE).toBeGreaterThan(range[0]);
    expect(SAME_STORY_MIN_SCORE).toBeLessThanOrEqual(range[1]);
    // The shipped threshold gives the tuning half its best F1.
    expect(measure(tune, SAME_STORY_MIN_SCORE).f1).toBe(bestF1);
    const held_out = measure(held, SAME_STORY_MIN_SCORE);
    console.log(
      `same story: shipped ${SAME_STORY_MIN_SCORE}: ` +
        `held-out precision ${held_out.precision.toFixed(3)}, recall ${held_out.recall.toFixed(3)} ` +
        `(${held.filter((pair) => pair.same).length} positive, ${held.filter((pair) => !pair.same).length} negative pairs)`,
    );
    expect(held_out.precision).toBeGreaterThanOrEqual(0.95);
    expect(held_out.recall).toBeGreaterThanOrEqual(0.8);
  });

  test('the same wire copy imported twice is a near-duplicate; reports by two outlets never are', () => {
    const items = articles.map(itemOf);
    const found = nearDuplicates(items, storyPairs(items)).map((pair) =>
      pairKey(articles[pair.a]!.id, articles[pair.b]!.id),
    );
    const expected = [...new Set(articles.filter((a) => a.event.startsWith('d')).map((a) => a.event))].map((event) =>
      pairKey(`${event}-a`, `${event}-b`),
    );
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(found.sort()).toEqual(expected.sort());
    expect(NEAR_DUPLICATE_MIN_SCORE).toBeGreaterThan(SAME_STORY_MIN_SCORE);
  });
});

describe('the seed pair', () => {
  const SEED = path.resolve(import.meta.dirname, '../../content/articles');
  const seed = readdirSync(SEED, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name, index): LabelledArticle => {
      const parsed = parseFrontmatter(readFileSync(path.join(SEED, name), 'utf8')) as ParsedFrontmatter;
      const data = parsed.data as { title: string; date: string; companies: string[] };
      return {
        id: `seed-${index}`,
        event: 'seed',
        source: `seed-${index}`,
        date: data.date,
        title: data.title,
        companies: data.companies,
        body: parsed.body,
      };
    });

  test('finds each other on their own, as the seed archive is built', () => {
    expect(seed).toHaveLength(2);
    expect(storyPairs(seed.map(itemOf)).map((pair) => [pair.a, pair.b])).toEqual([[0, 1]]);
  });

  test("beside the week's other Microsoft and Xiaomi stories, and the labelled archive, they find only each other", () => {
    const all = [...seed, ...labelledArticles('seed-neighbours.json'), ...labelledArticles('labelled.json')];
    const items = all.map(itemOf);
    const stories = storiesByItem(items, storyPairs(items));
    expect(stories.get(0)).toEqual([1]);
    expect(stories.get(1)).toEqual([0]);
    for (let index = 2; index < 2 + labelledArticles('seed-neighbours.json').length; index += 1)
      expect(stories.get(index) ?? [], all[index]!.id).toEqual([]);
  });
});

describe('the next build, from what the last one kept', () => {
  // The labelled archive five times over, each copy ten days after the last (355 articles).
  const base = labelledArticles('labelled.json');
  const copies = Array.from({ length: 5 }, (_, copy) =>
    base.map((article) => ({
      ...article,
      id: `${article.id}-${copy}`,
      date: new Date(Date.parse(article.date) + copy * 10 * DAY).toISOString(),
    })),
  ).flat();
  const items = copies.map(itemOf);
  const first = findStories(items);
  expect(items).toHaveLength(355);

  /** The run from `kept`, checked against a run from nothing: the same pairs, to the bit. */
  function next(changed: StoryItem[], kept: StoryRun = first): StoryRun {
    const run = findStories(changed, { previous: kept.state });
    expect(run.pairs).toEqual(findStories(changed).pairs);
    return run;
  }
  /** `item` with another body (its terms made again). */
  const edited = (item: StoryItem, article: LabelledArticle, body: string): StoryItem => {
    const terms = storyTerms(article.title, body, 'en');
    return { ...item, terms, termsDigest: storyTermsDigest(terms) };
  };

  test('nothing changed: nothing is scored anew', () => {
    expect(first.pairs.length).toBeGreaterThan(100);
    expect(first.rescored).toBe(items.length);
    const run = next(items.map((item) => ({ ...item, names: [...item.names] })));
    expect(run.rescored).toBe(0);
  });

  test('one body edited: that article, and only the few whose terms’ weights moved, are scored anew', () => {
    const changed = [...items];
    changed[40] = edited(
      items[40]!,
      copies[40]!,
      `${copies[40]!.body}\n\nThe regulator in Lisbon approved the merger.`,
    );
    const run = next(changed);
    expect(run.rescored).toBeGreaterThanOrEqual(1);
    expect(run.rescored).toBeLessThan(items.length / 10);
    console.log(`story finder: one body edited among ${items.length} articles, ${run.rescored} scored anew`);
  });

  test('added, removed, moved in time, named anew, from another source: the same pairs as from nothing', () => {
    const added = [
      ...items.slice(0, 10),
      { ...items[11]!, key: 'new', instant: items[11]!.instant + 3_600_000 },
      ...items.slice(10),
    ];
    // In an archive this small one more article moves many weights (a term in 5 articles is in 6),
    // but not every one.
    expect(next(added).rescored).toBeLessThan(items.length);
    next(items.filter((_, index) => index % 7 !== 3));
    next(items.map((item, index) => (index === 5 ? { ...item, instant: item.instant + 2 * DAY } : item)));
    next(items.map((item, index) => (index === 6 ? { ...item, names: [...item.names, 'companies/contoso'] } : item)));
    next(items.map((item, index) => (index === 7 ? { ...item, source: 'another' } : item)));
    next([...items].reverse());
    next([...items, { ...items[3]! }]); // a key given twice
  });

  test('a chain of builds, each from the last one’s state, finds what a build from nothing finds', () => {
    let current = items;
    let run = first;
    for (let step = 0; step < 12; step += 1) {
      const index = (step * 37) % current.length;
      const article = copies.find((candidate) => candidate.id === current[index]!.key) ?? copies[0]!;
      const changed = [...current];
      if (step % 3 === 0)
        changed[index] = edited(current[index]!, article, `${article.body} Update ${step}: Fabrikam responded.`);
      else if (step % 3 === 1) changed.splice(index, 1);
      else
        changed.splice(index, 0, {
          ...edited(current[index]!, article, copies[(index * 13) % copies.length]!.body),
          key: `added-${step}`,
        });
      run = next(changed, run);
      current = changed;
    }
  });

  test('a key given twice, the two items swapped: the same pairs as from nothing', () => {
    // Two items of one key, one name and one instant, with the same terms in another order: which
    // one a score is summed over must not depend on their positions.
    const make = (key: string, terms: string, names = ['companies/c']): StoryItem => ({
      key,
      instant: Date.UTC(2024, 0, 2),
      names,
      source: 's',
      terms,
      termsDigest: storyTermsDigest(terms),
    });
    const x = make('k.md', 'w104 5 w53 1 w9 4 w72 3 w20 6 w117 1 w0 2 w5 6 w16 5 w81 1 w55 1');
    const y = make('k.md', 'w0 2 w104 5 w72 3 w16 5 w5 6 w53 1 w9 4 w20 6 w81 1 w55 1 w117 1');
    const a = make('a.md', 'w0 1 w9 2 zz 3', ['companies/other']);
    next([a, y, x], findStories([x, a, y]));
  });

  test('half a millisecond later is another item to the finder', () => {
    const later = items.map((item, index) => (index === 9 ? { ...item, instant: item.instant + 0.5 } : item));
    expect(next(later).rescored).toBeGreaterThanOrEqual(1);
  });

  test('the kept vocabulary does not grow without end as articles are rewritten', () => {
    let current = items;
    let run = first;
    for (let step = 0; step < 30; step += 1) {
      current = current.map((item, index) =>
        index % 17 === step % 17
          ? edited(item, copies[index]!, `${copies[index]!.body} Zeta${step}x${index} Omega${step}y${index}.`)
          : item,
      );
      run = next(current, run);
    }
    const fresh = findStories(current).state.vocabulary.length;
    expect(run.state.vocabulary.length).toBeLessThanOrEqual(2 * fresh + 1);
  });

  test('a state of another window, or kept when the archive was of another size, is not used', () => {
    expect(findStories(items, { previous: first.state, windowDays: 2 }).rescored).toBe(items.length);
    // Half the archive is another size level: every weight moved, so every article is scored anew.
    const half = items.slice(0, items.length / 2);
    expect(next(half).rescored).toBe(half.length);
  });
});
