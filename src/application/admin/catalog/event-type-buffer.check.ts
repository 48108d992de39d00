import { isCalendarError } from '../../../domain/calendar/calendar.errors';
import type { CalendarGateway } from '../../ports/calendar-gateway.port';
import type { MappingData } from '../ports/calendar-admin.port';
import type { ServiceView } from '../ports/service-admin.port';

/**
 * How a mapped event type's buffer after each booking compares with the salon file. Our
 * calendar keeps the stylist busy for the service's buffer after its last step; the external
 * calendar does so for its own bookings and ours only through the event type's own buffer.
 */
export type BufferCheck =
  | { readonly kind: 'agrees'; readonly minutes: number }
  | {
      readonly kind: 'differs';
      /** What the event type should hold: the service's buffer after its last step, else 0. */
      readonly expectedMinutes: number;
      readonly eventTypeMinutes: number;
      /** Whether the mapped step is the service's last working step. */
      readonly lastStep: boolean;
    }
  | { readonly kind: 'unchecked'; readonly reason: string };

/**
 * Reads the event type once, when its mapping is saved. A buffer belongs after the service's
 * last working step only: after an earlier one it would keep the stylist busy into processing
 * time, which our calendar offers to other customers. A mapping without a segment books every
 * step without its own mapping, the last one included.
 */
export async function checkEventTypeBuffer(
  calendar: Pick<CalendarGateway, 'eventTypeSettings'>,
  service: Pick<ServiceView, 'segments' | 'bufferAfterMinutes'>,
  mapping: Pick<MappingData, 'credentialId' | 'eventTypeId' | 'segmentSequence'>,
): Promise<BufferCheck> {
  const lastWorking = service.segments.map((s) => s.staffBusy).lastIndexOf(true);
  const lastStep = mapping.segmentSequence === null || mapping.segmentSequence === lastWorking;
  const expectedMinutes = lastStep ? service.bufferAfterMinutes : 0;
  let settings;
  try {
    settings = await calendar.eventTypeSettings(mapping.credentialId, mapping.eventTypeId);
  } catch (error) {
    return { kind: 'unchecked', reason: isCalendarError(error) ? error.code : 'calendar error' };
  }
  if (!settings) return { kind: 'unchecked', reason: 'no external calendar' };
  const eventTypeMinutes = settings.afterBufferMinutes;
  if (eventTypeMinutes === expectedMinutes) return { kind: 'agrees', minutes: eventTypeMinutes };
  return { kind: 'differs', expectedMinutes, eventTypeMinutes, lastStep };
}
