/** JSON Feed of one term of any kind, beside its rss.xml: see src/data/feeds.ts. */
import { termFeedRoute } from '@/data/feeds';

export const { getStaticPaths, GET } = termFeedRoute('json');
