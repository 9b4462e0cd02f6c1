/** RSS feed of one term of any kind: see src/data/feeds.ts. */
import { termFeedRoute } from '@/data/feeds';

export const { getStaticPaths, GET } = termFeedRoute('rss');
