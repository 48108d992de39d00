import { CompanyView } from '../../../../application/admin/ports/company-directory.port';

export interface CompanyRow {
  id: string;
  name: string;
  slug: string;
  created_at: Date;
}

export const toCompanyView = (r: CompanyRow): CompanyView => ({
  id: r.id,
  name: r.name,
  slug: r.slug,
  createdAt: r.created_at,
});
