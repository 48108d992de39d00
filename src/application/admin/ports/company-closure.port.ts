export interface CompanyClosed {
  readonly closedAt: Date;
  /** Keys revoked by this closing (0 when it was closed before). */
  readonly revokedKeys: number;
  /** False when the company was closed before. */
  readonly newly: boolean;
}

/**
 * Closing a company and, after its retention, erasing it with everything it owns. Reached
 * through the unit of work only (`tx.closure`), so it has no injection token.
 */
export interface CompanyClosure {
  /** Marks the company closed (once) and revokes its keys; null when there is no such company. */
  close(companyId: string, at: Date): Promise<CompanyClosed | null>;
  /** Companies closed at or before `closedBy`, oldest first. */
  closedBy(closedBy: Date, limit: number): Promise<string[]>;
  /** Deletes a closed company and every row it owns; false when it is not (or no longer) closed. */
  erase(companyId: string): Promise<boolean>;
}
