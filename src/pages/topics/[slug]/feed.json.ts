/** JSON Feed of one topic, beside its rss.xml: see src/data/feeds.ts. */
import { termFeedRoute } from '@/data/feeds';

export const { getStaticPaths, GET } = termFeedRoute('topics', 'json');
