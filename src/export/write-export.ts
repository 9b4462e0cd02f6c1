/**
 * Writes the archive as data: for each format, one file per year (`articles-2018.ndjson`,
 * `articles-2018.csv`), rows oldest first, and a `manifest.json` naming every file with its
 * count of articles, its size and its SHA-256, beside the fields and the archive's licence.
 *
 * Rows are written as they are made, one article's body in memory at a time; each file is
 * written beside its place and renamed into it when whole, and files of an earlier export that
 * this one does not write are removed, so the folder never mixes two exports. The same content
 * gives the same bytes (no dates of export in them).
 */
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { CSV_BOM, CSV_CELL_LIMIT, csvColumns, csvHeader, csvRow } from '../lib/export/csv.ts';
import {
  EXPORT_FORMATS,
  compareOldestFirst,
  exportFields,
  exportFileName,
  exportRow,
  exportYear,
  ndjsonLine,
  type ExportContext,
  type ExportFormat,
  type ExportRow,
} from '../lib/export/rows.ts';
import type { Article } from '../lib/model/archive.ts';
import type { ExportBody } from './bodies.ts';

export const MANIFEST_FILE = 'manifest.json';
/** The names an export writes in its folder (and removes when it no longer writes them). */
const EXPORT_FILE = /^articles-\d+\.(?:ndjson|csv)$/;

export interface ExportedFile {
  path: string;
  format: ExportFormat;
  year: number;
  articles: number;
  bytes: number;
  sha256: string;
}

export interface ExportManifest {
  title: string;
  url: string;
  language: string;
  licence: string | null;
  articles: number;
  formats: ExportFormat[];
  fields: ReturnType<typeof exportFields>;
  csv?: { columns: string[]; cellLimit: number; encoding: string };
  files: ExportedFile[];
}

export interface ExportOptions {
  out: string;
  formats: readonly ExportFormat[];
  site: { title: string; url: string; lang: string; licence?: string };
  context: ExportContext;
}

/** A file being written: its bytes counted and hashed as they go. */
class ExportFileWriter {
  readonly #stream;
  readonly #hash = createHash('sha256');
  bytes = 0;
  articles = 0;

  readonly target: string;

  constructor(target: string) {
    this.target = target;
    this.#stream = createWriteStream(`${target}.partial`);
  }

  async write(text: string): Promise<void> {
    const bytes = Buffer.from(text, 'utf8');
    this.#hash.update(bytes);
    this.bytes += bytes.length;
    if (!this.#stream.write(bytes)) await once(this.#stream, 'drain');
  }

  async close(): Promise<string> {
    this.#stream.end();
    await once(this.#stream, 'finish');
    renameSync(`${this.target}.partial`, this.target);
    return this.#hash.digest('hex');
  }
}

const line = (row: ExportRow, format: ExportFormat, options: ExportOptions) =>
  format === 'ndjson' ? ndjsonLine(row) : csvRow(row, options.context.kinds);

/**
 * The bodies of some articles, in their order. Asked for a few batches ahead of the rows being
 * written, so threads read the next bodies while this one writes (export-threads.ts).
 */
export type BodiesOf = (articles: readonly Article[]) => Promise<ExportBody[]>;

/** Articles per batch of `BodiesOf`, and how many batches are asked for ahead of the writing. */
export interface Batching {
  size: number;
  ahead: number;
}

/** Writes the export of the published `articles` into `options.out`; resolves with its manifest. */
export async function writeExport(
  published: readonly Article[],
  bodiesOf: BodiesOf,
  options: ExportOptions,
  batching: Batching = { size: 64, ahead: 4 },
): Promise<ExportManifest> {
  const { out } = options;
  // In one order whatever the order asked, so the manifest's bytes are the same.
  const formats = EXPORT_FORMATS.filter((format) => options.formats.includes(format));
  mkdirSync(out, { recursive: true });
  // By year, as the files are, then oldest first: a year is its date's as written, and an
  // article written late on 31 December far west of another's zone may come after it in time.
  const articles = [...published].sort((a, b) => exportYear(a) - exportYear(b) || compareOldestFirst(a, b));

  // Only a few batches of bodies are in memory at once, however large the archive.
  const batches: Article[][] = [];
  for (let i = 0; i < articles.length; i += batching.size) batches.push(articles.slice(i, i + batching.size));
  const pending: Promise<ExportBody[]>[] = [];
  let asked = 0;
  const askAhead = () => {
    while (pending.length < batching.ahead && asked < batches.length) pending.push(bodiesOf(batches[asked++]));
  };

  const files: ExportedFile[] = [];
  let year: number | undefined;
  let writers: { format: ExportFormat; writer: ExportFileWriter }[] = [];
  const closeYear = async () => {
    for (const { format, writer } of writers) {
      const sha256 = await writer.close();
      files.push({
        path: path.basename(writer.target),
        format,
        year: year!,
        articles: writer.articles,
        bytes: writer.bytes,
        sha256,
      });
    }
  };
  askAhead();
  for (const batch of batches) {
    const bodies = await pending.shift()!;
    askAhead();
    for (const [i, article] of batch.entries()) {
      if (exportYear(article) !== year) {
        await closeYear();
        year = exportYear(article);
        writers = formats.map((format) => ({
          format,
          writer: new ExportFileWriter(path.join(out, exportFileName(year!, format))),
        }));
        for (const { format, writer } of writers)
          if (format === 'csv') await writer.write(CSV_BOM + csvHeader(options.context.kinds));
      }
      const row = exportRow(article, bodies[i], options.context);
      for (const { format, writer } of writers) {
        await writer.write(line(row, format, options));
        writer.articles += 1;
      }
    }
  }
  await closeYear();

  const written = new Set(files.map((file) => file.path));
  for (const name of existsSync(out) ? readdirSync(out) : [])
    if (EXPORT_FILE.test(name) && !written.has(name)) rmSync(path.join(out, name));

  const manifest: ExportManifest = {
    title: options.site.title,
    url: options.site.url,
    language: options.site.lang,
    licence: options.site.licence ?? null,
    articles: articles.length,
    formats: [...formats],
    fields: exportFields(options.context.kinds),
    ...(formats.includes('csv')
      ? {
          csv: {
            columns: csvColumns(options.context.kinds),
            cellLimit: CSV_CELL_LIMIT,
            encoding: 'UTF-8 with a byte-order mark',
          },
        }
      : {}),
    files: files.sort((a, b) => a.year - b.year || a.format.localeCompare(b.format)),
  };
  writeFileSync(path.join(out, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
