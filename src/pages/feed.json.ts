/** The site feed (latest articles) as JSON Feed 1.1, beside /rss.xml: see src/data/feeds.ts. */
export { siteJsonFeedGET as GET } from '@/data/feeds';
