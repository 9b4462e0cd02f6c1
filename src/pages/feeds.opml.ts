/** OPML list of every feed, for importing them into a reader at once: see src/data/feeds.ts. */
export { opmlGET as GET } from '@/data/feeds';
