/**
 * The archive's kinds of name: the built-in ones (companies, topics, authors, sources), then those
 * its settings declare (src/config/site.ts). Pages, data and integrations read this one list; the
 * pure modules of src/lib and src/search are given it.
 */
import { Kinds } from '../lib/kinds.ts';
import { site } from './site.ts';

export const kinds = new Kinds(site.declaredKinds);
