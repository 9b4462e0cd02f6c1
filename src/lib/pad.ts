/**
 * Zero-padding, the one place: `padNumber(2)` → `02` (months and days in URLs, anchors and
 * dates), `padNumber(2018, 4)` → `2018`. Negative numbers are padded by their size, the sign is
 * the caller's. Dependency-free, so the browser's search script can use it too.
 */
export function padNumber(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}
