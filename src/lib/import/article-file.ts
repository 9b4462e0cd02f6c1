/**
 * The text of an article file: YAML frontmatter in the order editors read it (title, date,
 * byline, companies, topics, summary, source, aliases, image, draft), lists in flow style (`[Microsoft, Xiaomi]`)
 * as the content contract's examples write them, then the Markdown body. The yaml library
 * quotes whatever would not read back as the same string, so any headline is safe to write.
 */
import { Document, isMap, isSeq } from 'yaml';

export interface ArticleFields {
  title: string;
  date: string;
  bylines?: readonly string[];
  companies?: readonly string[];
  topics?: readonly string[];
  summary?: string;
  source?: string;
  aliases?: readonly string[];
  image?: { src: string; alt: string; caption?: string };
  draft?: boolean;
}

export function articleFileText(fields: ArticleFields, body: string): string {
  const data: Record<string, unknown> = { title: fields.title, date: fields.date };
  const bylines = fields.bylines ?? [];
  if (bylines.length) data.byline = bylines.length === 1 ? bylines[0] : [...bylines];
  if (fields.companies?.length) data.companies = [...fields.companies];
  if (fields.topics?.length) data.topics = [...fields.topics];
  if (fields.summary) data.summary = fields.summary;
  if (fields.source) data.source = { url: fields.source };
  if (fields.aliases?.length) data.aliases = [...fields.aliases];
  if (fields.image) data.image = { ...fields.image };
  if (fields.draft) data.draft = true;

  const doc = new Document(data, { schema: 'core' });
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) if (isSeq(pair.value)) pair.value.flow = true;
  }
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const text = body.trim();
  return `---\n${yaml}---\n${text ? `\n${text}\n` : ''}`;
}
