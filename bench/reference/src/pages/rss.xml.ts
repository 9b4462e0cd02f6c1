import rss from '@astrojs/rss';
import { getCollection } from 'astro:content';

export async function GET() {
  const articles = (await getCollection('articles', (a) => !a.data.draft))
    .sort((a, b) => b.data.date.getTime() - a.data.date.getTime())
    .slice(0, 50);
  return rss({
    title: 'Reference archive',
    description: 'The benchmark reference',
    site: 'http://localhost:4321/',
    items: articles.map((a) => ({
      title: a.data.title,
      pubDate: a.data.date,
      link: `/articles/${a.id}/`,
      content: a.rendered?.html,
    })),
  });
}
