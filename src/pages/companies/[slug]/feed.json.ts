/** JSON Feed of one company, beside its rss.xml: see src/data/feeds.ts. */
import { termFeedRoute } from '@/data/feeds';

export const { getStaticPaths, GET } = termFeedRoute('companies', 'json');
