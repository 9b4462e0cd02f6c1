/** The site's URL builder, bound to the configured base. Pages and components import this. */
import { createUrls } from '@/lib/urls';
import { site } from './site';

export const urls = createUrls(site.base);
