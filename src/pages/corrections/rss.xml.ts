/** The corrections feed (newest correction notes): see src/data/feeds.ts. */
import { correctionsFeedRoute } from '@/data/feeds';

export const GET = correctionsFeedRoute('rss');
