/** A company's Retell key, still encrypted (null: none set). */
export interface StoredRetellKeyRow {
  k: string | null;
}
