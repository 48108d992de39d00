import { err, Result } from '../shared/result';
import { InvalidService } from './salon.errors';

import { SEGMENT_MIN_MINUTES, Service } from './service';
import { VisitSegment } from './service-segment';

/**
 * Several services for one customer in one visit ("Schneiden und Färben"), with one stylist:
 * the services run one after another in the order said, each keeping its own segments, so a
 * colour's processing time stays free for another client's short cut as it is today.
 *
 * A service the salon marks `duringProcessing` (a wash, a treatment) is instead done inside the
 * first processing gap of an earlier service of the visit that holds it whole: the stylist works
 * on the same customer while the colour takes, and the visit gets shorter by that much.
 *
 * Buffers: a service's buffer-after is clean-up once the customer has left (Service.layoutAt
 * marks it so); between the services of one visit the customer is still in the chair, so no
 * buffer applies there. The visit ends with the largest buffer of its services: one clean-up of
 * the place, long enough for the most demanding of what was done.
 *
 * Minimum notice is the largest of the services', the booking horizon the shortest.
 */
export function planVisit(services: readonly Service[]): Result<Service, InvalidService> {
  if (services.length < 2) return err(new InvalidService('a visit needs 2 services'));
  if (new Set(services.map((s) => s.id)).size !== services.length) {
    return err(new InvalidService('a visit holds each service once'));
  }
  if (services.some((s) => s.isVisit)) return err(new InvalidService('a visit holds no visit'));
  let segments: VisitSegment[] = [];
  for (const service of services) {
    segments = withService(segments, service);
  }
  const buffer = Math.max(...services.map((s) => s.bufferAfterMinutes));
  return Service.visit({
    parts: services.map((s) => ({ id: s.id, name: s.name })),
    segments,
    bufferAfterMinutes: buffer,
    bufferServiceId: services.find((s) => s.bufferAfterMinutes === buffer)!.id,
    minNoticeMinutes: Math.max(...services.map((s) => s.minNoticeMinutes)),
    bookingHorizonDays: Math.min(...services.map((s) => s.bookingHorizonDays)),
    companyId: services[0].companyId,
  });
}

/** The visit so far with `service` added: inside a processing gap when it may be, else after. */
function withService(planned: readonly VisitSegment[], service: Service): VisitSegment[] {
  const own: VisitSegment[] = service.segments.map((s, i) => ({
    minutes: s.minutes,
    staffBusy: s.staffBusy,
    serviceId: service.id,
    serviceSequence: i + 1,
  }));
  const gap = service.duringProcessing ? gapFor(planned, service.durationMinutes) : -1;
  if (gap < 0) return [...planned, ...own];
  const waiting = planned[gap];
  const rest = waiting.minutes - service.durationMinutes;
  const after: VisitSegment[] = rest > 0 ? [{ ...waiting, minutes: rest }] : [];
  return [...planned.slice(0, gap), ...own, ...after, ...planned.slice(gap + 1)];
}

/**
 * The first processing gap that holds `minutes` whole and leaves either nothing or a usable
 * rest (a segment is at least SEGMENT_MIN_MINUTES long); -1 when there is none.
 */
function gapFor(planned: readonly VisitSegment[], minutes: number): number {
  return planned.findIndex(
    (s) => !s.staffBusy && (s.minutes === minutes || s.minutes - minutes >= SEGMENT_MIN_MINUTES),
  );
}
