import { err, ok, Result } from '../shared/result';
import { TimeRange } from '../shared/time-range';
import { InvalidService, orThrow } from './salon.errors';
import { busy, ServiceSegment, VisitSegment } from './service-segment';
import { DESCRIPTION_MAX_CHARS, priceProblem, ServicePrice } from './service-price';

export interface ServiceProps {
  readonly id: string;
  readonly name: string;
  readonly synonyms?: readonly string[];
  readonly bufferAfterMinutes?: number;
  readonly minNoticeMinutes?: number;
  readonly bookingHorizonDays?: number;
  readonly companyId?: string;
  /**
   * May be done while another service of the same visit is processing (a wash, a treatment
   * during a colour's waiting time), by the same stylist; the salon file says so.
   */
  readonly duringProcessing?: boolean;
  /** What the service includes, in the salon's words (at most 300 characters). */
  readonly description?: string | null;
  readonly price?: ServicePrice | null;
}

/** One service a Service is made of: itself, or each service of a visit in order. */
export interface ServicePart {
  readonly id: string;
  readonly name: string;
}

/** Several services planned as one visit (see visit.ts): the segments already laid out. */
export interface VisitDefinition {
  readonly parts: readonly ServicePart[];
  readonly segments: readonly VisitSegment[];
  readonly bufferAfterMinutes: number;
  /** Whose buffer the visit ends with. */
  readonly bufferServiceId: string;
  readonly minNoticeMinutes: number;
  readonly bookingHorizonDays: number;
  readonly companyId?: string;
}

/** Either one duration (the stylist is busy throughout) or ordered segments. */
export type ServiceDefinition = ServiceProps &
  ({ readonly durationMinutes: number } | { readonly segments: readonly ServiceSegment[] });

/** One step of a service placed at a concrete start. */
export interface PlacedSegment {
  readonly sequence: number;
  readonly range: TimeRange;
  readonly staffBusy: boolean;
  /** Clean-up after the last segment: the stylist is busy, the customer is gone. */
  readonly isBuffer: boolean;
  /** The service this step belongs to (one of a visit's), and its place among that one's. */
  readonly serviceId: string;
  readonly serviceSequence: number;
}

export const SERVICE_MIN_MINUTES = 15;
export const SERVICE_MAX_MINUTES = 480;
export const SEGMENT_MIN_MINUTES = 5;
export const BUFFER_MAX_MINUTES = 120;
export const DEFAULT_BOOKING_HORIZON_DAYS = 90;
/** A visit of several services may fill a long working day, no more. */
export const VISIT_MAX_MINUTES = 720;

const isWholeIn = (n: number, min: number, max: number): boolean =>
  Number.isInteger(n) && n >= min && n <= max;

export class Service {
  private constructor(
    readonly id: string,
    readonly name: string,
    readonly synonyms: readonly string[],
    readonly segments: readonly ServiceSegment[],
    readonly isComposite: boolean,
    readonly bufferAfterMinutes: number,
    readonly minNoticeMinutes: number,
    readonly bookingHorizonDays: number,
    readonly companyId: string | undefined,
    readonly duringProcessing: boolean,
    /** The services this is made of, in order: itself alone, or a visit's. */
    readonly parts: readonly ServicePart[],
    private readonly bufferServiceId: string,
    readonly description: string | null,
    readonly price: ServicePrice | null,
  ) {}

  static create(def: ServiceDefinition): Result<Service, InvalidService> {
    const composite = 'segments' in def;
    const segments = composite ? def.segments.map((s) => ({ ...s })) : [busy(def.durationMinutes)];
    const name = def.name.trim();
    const synonyms = (def.synonyms ?? []).map((s) => s.trim()).filter((s) => s.length > 0);
    const buffer = def.bufferAfterMinutes ?? 0;
    const notice = def.minNoticeMinutes ?? 0;
    const horizon = def.bookingHorizonDays ?? DEFAULT_BOOKING_HORIZON_DAYS;

    const description = def.description?.trim() || null;
    const price = def.price ?? null;
    const problem =
      Service.problemWith(name, segments, buffer, notice, horizon) ??
      (description !== null && description.length > DESCRIPTION_MAX_CHARS
        ? `description must be at most ${DESCRIPTION_MAX_CHARS} characters`
        : priceProblem(price));
    if (problem) return err(new InvalidService(problem));

    return ok(
      new Service(
        def.id,
        name,
        synonyms,
        segments,
        composite,
        buffer,
        notice,
        horizon,
        def.companyId,
        def.duringProcessing ?? false,
        [{ id: def.id, name }],
        def.id,
        description,
        price === null ? null : { minCents: price.minCents, maxCents: price.maxCents },
      ),
    );
  }

  /**
   * Several services as one visit, laid out by planVisit: it carries the first service's id
   * (the appointment's service) and every part's, and books like one composite service.
   */
  static visit(def: VisitDefinition): Result<Service, InvalidService> {
    const [first] = def.parts;
    if (!first || def.parts.length < 2) return err(new InvalidService('a visit needs 2 services'));
    const name = def.parts.map((p) => p.name).join(' + ');
    const segments = def.segments.map((s) => ({ ...s }));
    const { bufferAfterMinutes: buffer, minNoticeMinutes: notice } = def;
    const horizon = def.bookingHorizonDays;
    const problem = Service.problemWith(
      'visit',
      segments,
      buffer,
      notice,
      horizon,
      VISIT_MAX_MINUTES,
    );
    if (problem) return err(new InvalidService(problem));
    return ok(
      new Service(
        first.id,
        name,
        [],
        segments,
        true,
        buffer,
        notice,
        horizon,
        def.companyId,
        false,
        def.parts.map((p) => ({ ...p })),
        def.bufferServiceId,
        null,
        null,
      ),
    );
  }

  /** More than one service, booked as one visit. */
  get isVisit(): boolean {
    return this.parts.length > 1;
  }

  /** Every service this is made of, in order. */
  get serviceIds(): readonly string[] {
    return this.parts.map((p) => p.id);
  }

  private static problemWith(
    name: string,
    segments: readonly ServiceSegment[],
    buffer: number,
    notice: number,
    horizon: number,
    maxMinutes = SERVICE_MAX_MINUTES,
  ): string | undefined {
    const total = segments.reduce((sum, s) => sum + s.minutes, 0);
    if (name.length === 0 || name.length > 150) return 'name must be 1..150 characters';
    if (segments.length === 0) return 'a service needs at least one segment';
    if (segments.some((s) => !isWholeIn(s.minutes, SEGMENT_MIN_MINUTES, SERVICE_MAX_MINUTES))) {
      return `each segment needs whole minutes >= ${SEGMENT_MIN_MINUTES}`;
    }
    if (!segments.some((s) => s.staffBusy))
      return 'at least one segment must keep the stylist busy';
    if (!isWholeIn(total, SERVICE_MIN_MINUTES, maxMinutes)) {
      return `duration ${total} min is outside ${SERVICE_MIN_MINUTES}..${maxMinutes}`;
    }
    if (!isWholeIn(buffer, 0, BUFFER_MAX_MINUTES)) {
      return `buffer must be 0..${BUFFER_MAX_MINUTES} whole minutes`;
    }
    if (!isWholeIn(notice, 0, 60 * 24 * 30)) return 'minimum notice must be 0..30 days in minutes';
    if (!isWholeIn(horizon, 1, 730)) return 'booking horizon must be 1..730 days';
    return undefined;
  }

  /** For stored rows and fixtures: the definition is trusted, an invalid one throws. */
  static restore(def: ServiceDefinition): Service {
    return orThrow(Service.create(def));
  }

  static simple(props: ServiceProps, durationMinutes: number): Service {
    return Service.restore({ ...props, durationMinutes });
  }

  static segmented(props: ServiceProps, segments: readonly ServiceSegment[]): Service {
    return Service.restore({ ...props, segments });
  }

  /** Minutes the customer is in the salon. */
  get durationMinutes(): number {
    return this.segments.reduce((sum, s) => sum + s.minutes, 0);
  }

  /** Minutes from start until the stylist is fully free again (buffer included). */
  get spanMinutes(): number {
    return this.durationMinutes + this.bufferAfterMinutes;
  }

  /** Minutes within the visit when the stylist is free (e.g. a colour acting). */
  get processingMinutes(): number {
    return this.segments.filter((s) => !s.staffBusy).reduce((sum, s) => sum + s.minutes, 0);
  }

  /** Every segment at `start` with exact instants, the buffer (if any) as a last busy step. */
  layoutAt(start: Date): PlacedSegment[] {
    const placed: PlacedSegment[] = [];
    let cursor = start;
    this.segments.forEach((segment, i) => {
      const range = TimeRange.fromMinutes(cursor, segment.minutes);
      const of = segment as Partial<VisitSegment>;
      placed.push({
        sequence: i + 1,
        range,
        staffBusy: segment.staffBusy,
        isBuffer: false,
        serviceId: of.serviceId ?? this.id,
        serviceSequence: of.serviceSequence ?? i + 1,
      });
      cursor = range.end;
    });
    if (this.bufferAfterMinutes > 0) {
      const range = TimeRange.fromMinutes(cursor, this.bufferAfterMinutes);
      const sequence = placed.length + 1;
      const own = placed.filter((p) => p.serviceId === this.bufferServiceId).length + 1;
      placed.push({
        sequence,
        range,
        staffBusy: true,
        isBuffer: true,
        serviceId: this.bufferServiceId,
        serviceSequence: this.isVisit ? own : sequence,
      });
    }
    return placed;
  }

  /** Offsets of the stylist-busy steps from the start, in minutes (buffer included). */
  busyOffsets(): ReadonlyArray<{ readonly from: number; readonly to: number }> {
    return this.layoutAt(new Date(0))
      .filter((p) => p.staffBusy)
      .map((p) => ({ from: p.range.startMs / 60_000, to: p.range.endMs / 60_000 }));
  }
}
