import {
  MergeCollision,
  StaffIdentity,
} from '../../../../application/admin/ports/staff-merge.port';

/** An active stylist with the Cal.com users their mappings name. */
export interface StaffIdentityRow {
  id: string;
  name: string;
  email: string | null;
  branch_id: string;
  active: boolean;
  users: string[] | null;
}

/** Two overlapping blocks of the stylists, by their appointments (null: not an appointment's). */
export interface CollisionRow {
  kept: string | null;
  merged: string | null;
}

export const toStaffIdentity = (r: StaffIdentityRow): StaffIdentity => ({
  id: r.id,
  name: r.name,
  email: r.email,
  branchId: r.branch_id,
  active: r.active,
  calcomUserIds: r.users ?? [],
});

export const toMergeCollision = (r: CollisionRow): MergeCollision => ({
  keptAppointmentId: r.kept,
  mergedAppointmentId: r.merged,
});
