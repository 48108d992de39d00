import { Page, PageRequest } from '../page';

export const COMPANY_DIRECTORY = Symbol('CompanyDirectory');

export interface CompanyView {
  readonly id: string;
  readonly name: string;
  readonly slug: string;
  readonly createdAt: Date;
}

/** The tenants. */
export interface CompanyDirectory {
  /** Null when the slug is taken. */
  create(name: string, slug: string): Promise<CompanyView | null>;
  find(id: string): Promise<CompanyView | null>;
  list(page: PageRequest): Promise<Page<CompanyView>>;
}
