import { Appointment } from '../../domain/appointment/appointment';
import { Service } from '../../domain/salon/service';
import { planVisit } from '../../domain/salon/visit';
import { BranchContext } from '../ports/salon-catalog.port';

/**
 * The appointment's service as the salon offers it now; for a visit, the visit planned again
 * from its services in order. Undefined when one of them is withdrawn (or no longer a visit).
 */
export function serviceOfAppointment(salon: BranchContext, a: Appointment): Service | undefined {
  const services = a.serviceIds.map((id) => salon.services.find((s) => s.id === id));
  if (services.some((s) => !s)) return undefined;
  if (!a.isVisit) return services[0];
  const visit = planVisit(services as Service[]);
  return visit.ok ? visit.value : undefined;
}
