import { getCollection, type CollectionEntry } from 'astro:content';
import { slug } from './slug';

/** Every company or topic with its articles, newest first. */
export async function termPaths(field: 'companies' | 'topics') {
  const articles = (await getCollection('articles', (a) => !a.data.draft)).sort(
    (a, b) => b.data.date.getTime() - a.data.date.getTime(),
  );
  const terms = new Map<string, { name: string; articles: CollectionEntry<'articles'>[] }>();
  for (const article of articles) {
    for (const name of article.data[field]) {
      const key = slug(name);
      if (!terms.has(key)) terms.set(key, { name, articles: [] });
      terms.get(key)!.articles.push(article);
    }
  }
  return [...terms].map(([key, term]) => ({ params: { slug: key }, props: term }));
}
