import { KeyRole } from './access/key-role';

/** Who calls the admin API: the bootstrap key, or a key of one company. */
export type AdminPrincipal =
  | { readonly kind: 'bootstrap'; readonly actor: 'admin:bootstrap' }
  | {
      readonly kind: 'company';
      readonly companyId: string;
      readonly keyId: string;
      readonly role: KeyRole;
      /** `admin:<keyId>`, written into the audit log. */
      readonly actor: string;
    };

/** One company's data, as one caller may see it. */
export interface CompanyScope {
  readonly companyId: string;
  /** For the audit log. */
  readonly actor: string;
}
