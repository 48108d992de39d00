import { WeekdayKey } from '../../salon-file/salon-file';

export interface WallWindowView {
  readonly from: string;
  readonly to: string;
}

/** Weekly hours as the admin API and salon files write them: `{ mon: [{from, to}], ... }`. */
export type WeeklyHoursView = Partial<Record<WeekdayKey, WallWindowView[]>>;
