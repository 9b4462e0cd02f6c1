/** The corrections feed as JSON Feed 1.1, beside /corrections/rss.xml: see src/data/feeds.ts. */
import { correctionsFeedRoute } from '@/data/feeds';

export const GET = correctionsFeedRoute('json');
