import type {
  CreateBookingCommand,
  ExternalBooking,
} from '../../../application/ports/calendar-gateway.port';
import { CalendarBadRequest } from '../../../domain/calendar/calendar.errors';
import type { CalcomEventTypeFacts, EventTypeFacts } from './calcom-event-type-facts';

/** Cal.com's refusal of `lengthInMinutes` from an event type with one length. */
const refusesAnyLength = (error: unknown): boolean =>
  error instanceof CalendarBadRequest && /multiple possible lengths/i.test(error.detail ?? '');

/** Cal.com's refusal of a length the event type does not offer. */
const refusesThisLength = (error: unknown): boolean =>
  error instanceof CalendarBadRequest &&
  /not one of the possible lengths/i.test(error.detail ?? '');

type Post = (command: CreateBookingCommand) => Promise<ExternalBooking>;

/**
 * Cal.com takes `lengthInMinutes` only from event types that offer several lengths, and refuses
 * it from the others (the usual kind: one length each). The length is sent; when Cal.com says
 * the event type has one length only, the booking is asked again without it (Cal.com checks
 * this before it books anything, so nothing can be booked twice), and that event type is asked
 * without it from then on, by every process (for as long as facts are kept: a salon may change
 * it). Its own length must then be the step's: the sync compares the booking's end with the
 * step's. A length refused as not offered is refused here, unsent, for as long.
 *
 * While a length is not known yet for an event type, one create in this process asks (a
 * probe) and the others of that event type and length wait for its answer, so parallel creates
 * are not each refused once.
 */
export class CalcomBookingLengths {
  private readonly probes = new Map<string, Promise<unknown>>();

  constructor(private readonly facts: CalcomEventTypeFacts) {}

  async create(command: CreateBookingCommand, post: Post): Promise<ExternalBooking> {
    const { credentialRef, eventTypeId, lengthMinutes } = command;
    if (lengthMinutes === undefined) return post(command);
    const key = `${credentialRef}:${eventTypeId}:${lengthMinutes}`;
    let facts = await this.facts.of(credentialRef, eventTypeId);
    const probe = this.probes.get(key);
    if (probe && !knows(facts, lengthMinutes)) {
      await probe.catch(() => undefined);
      facts = await this.facts.of(credentialRef, eventTypeId);
    }
    if (facts.refusedLengths?.includes(lengthMinutes)) {
      throw new CalendarBadRequest(
        400,
        `POST /v2/bookings: Cal.com refused ${lengthMinutes} minutes for event type ${eventTypeId} lately, not one of its lengths (not sent)`,
      );
    }
    if (facts.oneLength) return post({ ...command, lengthMinutes: undefined });
    if (knows(facts, lengthMinutes)) return this.send(command, post, true);
    if (this.probes.has(key)) return this.send(command, post, false);
    const asking = this.send(command, post, false);
    this.probes.set(key, asking);
    try {
      return await asking;
    } finally {
      this.probes.delete(key);
    }
  }

  /** With the length; learns from the answer, and asks once more without it when told so. */
  private async send(
    command: CreateBookingCommand,
    post: Post,
    known: boolean,
  ): Promise<ExternalBooking> {
    const { credentialRef, eventTypeId } = command;
    const lengthMinutes = command.lengthMinutes!;
    let booked: ExternalBooking;
    try {
      booked = await post(command);
    } catch (error) {
      if (refusesThisLength(error)) {
        await this.facts.learn(credentialRef, eventTypeId, { refusedLengths: [lengthMinutes] });
      }
      if (!refusesAnyLength(error)) throw error;
      await this.facts.learn(credentialRef, eventTypeId, { oneLength: true });
      return post({ ...command, lengthMinutes: undefined });
    }
    if (!known) {
      await this.facts.learn(credentialRef, eventTypeId, { acceptedLengths: [lengthMinutes] });
    }
    return booked;
  }
}

function knows(facts: EventTypeFacts, lengthMinutes: number): boolean {
  return (
    facts.oneLength === true ||
    (facts.acceptedLengths?.includes(lengthMinutes) ?? false) ||
    (facts.refusedLengths?.includes(lengthMinutes) ?? false)
  );
}
