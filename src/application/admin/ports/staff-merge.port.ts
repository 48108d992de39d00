export const STAFF_MERGE = Symbol('StaffMerge');

export interface StaffIdentity {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  readonly branchId: string;
  readonly active: boolean;
  /** Cal.com user ids found in this stylist's mappings. */
  readonly calcomUserIds: readonly string[];
}

/** Two appointments that would overlap once one stylist's calendar holds both. */
export interface MergeCollision {
  readonly keptAppointmentId: string | null;
  readonly mergedAppointmentId: string | null;
}

export interface MergeMoves {
  readonly appointments: number;
  readonly busyBlocks: number;
  readonly serviceLinks: number;
  readonly mappings: number;
  readonly mappingsDropped: number;
  readonly workingHours: number;
  readonly absences: number;
}

export type MergeResult =
  | {
      readonly ok: true;
      readonly moved: MergeMoves;
      /** Every appointment that now belongs to the kept stylist instead of the merged one. */
      readonly movedAppointmentIds: readonly string[];
    }
  | { readonly ok: false; readonly collisions: readonly MergeCollision[] };

/** Finds and folds together two records of one stylist. Runs inside an admin transaction. */
export interface StaffMerge {
  identities(companyId: string): Promise<StaffIdentity[]>;
  /** Moves everything of `mergeId` to `keepId` and deactivates `mergeId`, or names collisions. */
  merge(companyId: string, keepId: string, mergeId: string): Promise<MergeResult>;
}
