/** JSON Feed of one author, beside its rss.xml: see src/data/feeds.ts. */
import { termFeedRoute } from '@/data/feeds';

export const { getStaticPaths, GET } = termFeedRoute('authors', 'json');
