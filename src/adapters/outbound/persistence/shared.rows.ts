/** `SELECT count(*)::int AS n …` */
export interface CountRow {
  n: number;
}

/** `… RETURNING id`, or `SELECT id …` */
export interface IdRow {
  id: string;
}
