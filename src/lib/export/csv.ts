/**
 * The export's CSV, for spreadsheets: RFC 4180 (a header row, CRLF between rows, a cell quoted
 * when it holds a quote, a comma or a line break), UTF-8 with a byte-order mark so that Excel
 * reads it as UTF-8, and two guards a spreadsheet needs:
 *
 * - A cell is cut at 32,767 characters, the most a spreadsheet cell holds (Excel's limit; LibreOffice
 *   and Google Sheets cut or refuse longer ones), and the row's `truncated` column names the cut
 *   cells. NDJSON holds the text whole.
 * - A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return would be read as a
 *   formula (OWASP's "CSV injection"): it is written after an apostrophe, so that the spreadsheet
 *   reads the cell as text. The apostrophe stays in the cell (LibreOffice Calc shows it; the
 *   end-to-end test opens the export there); NDJSON holds the text without it.
 *
 * Lists (the names of a kind) are joined by "; "; corrections are one per line, "day: text".
 */
import type { Kinds } from '../kinds.ts';
import type { ExportRow } from './rows.ts';

/** The most characters (UTF-16 code units, as spreadsheets count) a cell holds. */
export const CSV_CELL_LIMIT = 32_767;
/** Starts Excel, LibreOffice and Google Sheets read as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
export const CSV_BOM = '\uFEFF';
export const LIST_SEPARATOR = '; ';

/** The columns, in order: the row's fields with the source in two and a `truncated` column last. */
export function csvColumns(kinds: Kinds): string[] {
  return [
    'url',
    'headline',
    'date',
    'instant',
    'updated',
    ...kinds.all.map((info) => info.kind),
    'source_name',
    'source_url',
    'language',
    'summary',
    'words',
    'corrections',
    'text',
    'truncated',
  ];
}

/** A cell's value as a spreadsheet should read it: guarded against formulas, cut to the limit. */
export function spreadsheetCell(value: string): { value: string; cut: boolean } {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  if (guarded.length <= CSV_CELL_LIMIT) return { value: guarded, cut: false };
  let end = CSV_CELL_LIMIT;
  // Never half a character: a surrogate pair stays whole or goes.
  const last = guarded.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return { value: guarded.slice(0, end), cut: true };
}

/** A cell quoted as RFC 4180 asks, when it must be. */
export function quoteCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV line, CRLF-terminated. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(quoteCell).join(',')}\r\n`;
}

/** The header line. */
export function csvHeader(kinds: Kinds): string {
  return csvLine(csvColumns(kinds));
}

/** A row as a CSV line, its cells guarded and cut (and the cut ones named in `truncated`). */
export function csvRow(row: ExportRow, kinds: Kinds): string {
  const values: [string, string][] = [
    ['url', row.url],
    ['headline', row.headline],
    ['date', row.date],
    ['instant', row.instant],
    ['updated', row.updated ?? ''],
    ...kinds.all.map((info): [string, string] => [info.kind, (row.names[info.kind] ?? []).join(LIST_SEPARATOR)]),
    ['source_name', row.source?.name ?? ''],
    ['source_url', row.source?.url ?? ''],
    ['language', row.language],
    ['summary', row.summary],
    ['words', String(row.words)],
    ['corrections', row.corrections.map((correction) => `${correction.date}: ${correction.text}`).join('\n')],
    ['text', row.text],
  ];
  const cut: string[] = [];
  const cells = values.map(([column, value]) => {
    const cell = spreadsheetCell(value);
    if (cell.cut) cut.push(column);
    return cell.value;
  });
  return csvLine([...cells, cut.join(LIST_SEPARATOR)]);
}
