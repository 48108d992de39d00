export const MAX_PAGE_SIZE = 100;

export interface PageRequest {
  /** 1-based. */
  readonly page: number;
  readonly pageSize: number;
}

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export const DEFAULT_PAGE: PageRequest = { page: 1, pageSize: 20 };

export function offsetOf(p: PageRequest): number {
  return (p.page - 1) * p.pageSize;
}

export function pageOf<T>(items: T[], total: number, p: PageRequest): Page<T> {
  return { items, total, page: p.page, pageSize: p.pageSize };
}
