/** The site feed (latest articles): see src/data/feeds.ts. */
export { siteFeedGET as GET } from '@/data/feeds';
