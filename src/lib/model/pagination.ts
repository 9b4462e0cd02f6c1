/**
 * Pagination of long lists (`/companies/<slug>/2/` and so on). Page 1 always exists, even for
 * an empty list, so every term has a first page.
 */
export interface Page<T> {
  /** 1-based. */
  number: number;
  count: number;
  items: T[];
  first: number;
  last: number;
  prev?: number;
  next?: number;
  /** Index (0-based) of the first item on this page within the whole list. */
  start: number;
  total: number;
}

export function pageCount(total: number, pageSize: number): number {
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new RangeError(`page size must be a whole number of at least 1, got ${pageSize}`);
  return Math.max(1, Math.ceil(total / pageSize));
}

export function paginate<T>(items: readonly T[], pageSize: number): Page<T>[] {
  const count = pageCount(items.length, pageSize);
  return Array.from({ length: count }, (_, i) => {
    const number = i + 1;
    const start = i * pageSize;
    return {
      number,
      count,
      items: items.slice(start, start + pageSize),
      first: 1,
      last: count,
      prev: number > 1 ? number - 1 : undefined,
      next: number < count ? number + 1 : undefined,
      start,
      total: items.length,
    };
  });
}
