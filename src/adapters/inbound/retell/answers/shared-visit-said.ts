import { ServiceStylist } from '../../../../domain/salon/visit-assignment';
import { joinGerman, shortName } from '../../../../domain/shared/german-messages';
import { SpokenSalon } from './spoken-salon';

/** Who does which service of a visit shared by stylists, as the facts carry it. */
export interface StylistOfService {
  readonly service: string;
  readonly staff: string;
}

/** The sharing with the salon's names, in the visit's order. */
export function stylistsOfServices(
  salon: SpokenSalon,
  assignment: readonly ServiceStylist[],
): StylistOfService[] {
  return assignment.map((a) => ({
    service: salon.services.find((s) => s.id === a.serviceId)?.name ?? '',
    staff: salon.staff.find((s) => s.id === a.staffId)?.name ?? '',
  }));
}

/**
 * "Herrenhaarschnitt bei Mehmet, danach Färben bei Lena": services of the same stylist in a
 * row are said together, names shortened to the cap; '' when the cap leaves no names.
 */
export function sharedVisitSaid(parts: readonly StylistOfService[], cap: number): string {
  if (cap <= 0) return '';
  const groups: Array<{ staff: string; services: string[] }> = [];
  for (const p of parts) {
    const last = groups[groups.length - 1];
    if (last && last.staff === p.staff) last.services.push(p.service);
    else groups.push({ staff: p.staff, services: [p.service] });
  }
  const said = groups.map((g) => {
    const what = joinGerman(g.services.map((s) => shortName(s, cap)));
    return `${what} bei ${shortName(g.staff, cap)}`;
  });
  return said.join(', danach ');
}
