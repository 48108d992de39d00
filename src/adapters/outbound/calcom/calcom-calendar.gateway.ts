import { CALCOM_CHANGE_REASONS } from './calcom-change-reasons';
import type { EventEmitter } from 'node:events';
import { Inject, Injectable } from '@nestjs/common';
import {
  CALENDAR_CREDENTIALS,
  type AvailableStartsQuery,
  type BookingListing,
  type BookingRef,
  type CalendarBreakerState,
  type CalendarCredentialRef,
  type CalendarCredentials,
  type CalendarGateway,
  type CalendarPriority,
  type CancelBookingCommand,
  type CreateBookingCommand,
  type EventTypeSettings,
  type ExternalBooking,
  type FindBookingByMetadataQuery,
  type ListBookingsQuery,
  type ListedBooking,
  type RescheduleBookingCommand,
  type SlotInvalidationScope,
} from '../../../application/ports/calendar-gateway.port';
import type { Clock } from '../../../application/ports/clock.port';
import {
  CalendarAuthFailed,
  CalendarBadRequest,
  CalendarNotFound,
  CalendarServerError,
} from '../../../domain/calendar/calendar.errors';
import { startsWithRoom } from '../../../domain/calendar/offered-starts';
import { CalcomBreakers } from './calcom-breakers';
import { CalcomHttpClient, type CalcomRequest, type CalcomResponse } from './calcom-http.client';
import { MemoryQuotaStore, RedisQuotaStore } from './calcom-quota-store';
import { CalcomRequestQuota } from './calcom-request-quota';
import { CalcomBookingLengths } from './calcom-booking-lengths';
import { CalcomEventTypeFacts } from './calcom-event-type-facts';
import { CalcomSlotCache } from './calcom-slot-cache';
import { systemResolveHost } from './calcom-host-resolver';
import { nodeTransport } from './calcom-transport';
import {
  CALCOM_OPTIONS,
  resolveCalcomConfig,
  type CalcomConfig,
  type CalcomGatewayOptions,
} from './calcom.config';
import { CalcomMapper } from './calcom.mapper';
import type {
  CalcomCancelBookingInput,
  CalcomQuery,
  CalcomRescheduleBookingInput,
  CalcomSlotsData,
} from './calcom.types';

export type CalcomBreakerEvent = 'open' | 'halfOpen' | 'close';

const systemClock: Clock = { now: () => new Date() };

/**
 * The calendar port on Cal.com API v2. Each tenant credential has its own circuit breaker;
 * slot answers go through the Redis slot cache. Failures are thrown as CalendarError subclasses.
 */
@Injectable()
export class CalcomCalendarGateway implements CalendarGateway {
  readonly config: CalcomConfig;
  private readonly http: CalcomHttpClient;
  private readonly breakers: CalcomBreakers;
  private readonly slotCache: CalcomSlotCache;
  private readonly quota: CalcomRequestQuota;
  private readonly clock: Clock;
  private readonly lengths: CalcomBookingLengths;

  constructor(
    @Inject(CALENDAR_CREDENTIALS) private readonly credentials: CalendarCredentials,
    @Inject(CALCOM_OPTIONS) options: CalcomGatewayOptions = {},
  ) {
    this.config = resolveCalcomConfig(options.config);
    this.clock = options.clock ?? systemClock;
    const { keyPrefix, redisTimeoutMs, ...quota } = this.config.quota;
    this.quota = new CalcomRequestQuota(
      options.redis
        ? new RedisQuotaStore(options.redis, keyPrefix, redisTimeoutMs)
        : new MemoryQuotaStore(),
      quota,
    );
    this.http = new CalcomHttpClient(
      this.config,
      this.clock,
      nodeTransport(options.resolveHost ?? systemResolveHost),
      (apiKey, reading) => this.quota.observe(apiKey, reading),
    );
    this.breakers = new CalcomBreakers(this.config.breaker);
    this.slotCache = new CalcomSlotCache(options.redis ?? null, this.config.slotCache);
    // What Cal.com's refusals taught about event types is shared by every process.
    const facts = new CalcomEventTypeFacts(options.redis ?? null, this.config.eventTypes, () =>
      this.clock.now().getTime(),
    );
    this.lengths = new CalcomBookingLengths(facts);
  }

  async availableStarts(query: AvailableStartsQuery): Promise<Date[]> {
    const { scope, range } = query;
    const key = {
      companyId: scope.companyId,
      branchId: scope.branchId,
      eventTypeId: query.eventTypeId,
      staffId: scope.staffId,
      from: range.start,
      to: range.end,
      lengthMinutes: query.lengthMinutes,
    };
    return this.slotCache.getOrLoad(key, async () => {
      const response = await this.call<CalcomSlotsData>(
        query.priority ?? 'live',
        query.credentialRef,
        {
          family: 'slots',
          method: 'GET',
          path: '/v2/slots',
          query: {
            eventTypeId: query.eventTypeId,
            start: range.start.toISOString(),
            end: range.end.toISOString(),
            timeZone: query.timeZone,
            duration: query.lengthMinutes,
            // Each slot with its end: the length Cal.com really judged, whatever was asked.
            format: 'range',
          },
        },
      );
      const slots = CalcomMapper.toSlots(response.data);
      const starts =
        query.lengthMinutes === undefined
          ? slots.map((s) => s.start)
          : startsWithRoom(slots, query.lengthMinutes);
      return starts.filter((start) => range.containsInstant(start));
    });
  }

  /** The length as Cal.com takes it for that event type (see CalcomBookingLengths). */
  async createBooking(command: CreateBookingCommand): Promise<ExternalBooking> {
    try {
      return await this.lengths.create(command, (c) => this.postBooking(c));
    } finally {
      const end = new Date(command.start.getTime() + (command.lengthMinutes ?? 0) * 60_000);
      await this.invalidateAfterWrite(command.slotScope, { start: command.start, end });
    }
  }

  private async postBooking(command: CreateBookingCommand): Promise<ExternalBooking> {
    const response = await this.call<unknown>(command.priority ?? 'sync', command.credentialRef, {
      family: 'bookings',
      method: 'POST',
      path: '/v2/bookings',
      body: CalcomMapper.toCreateBookingInput(command),
    });
    return CalcomMapper.toBooking(response.data);
  }

  async findBookingByMetadata(query: FindBookingByMetadataQuery): Promise<ExternalBooking | null> {
    const listing = await this.listAll(query.priority ?? 'sync', query.credentialRef, {
      eventTypeId: query.eventTypeId,
      afterStart: query.around.start.toISOString(),
      beforeEnd: query.around.end.toISOString(),
    });
    // A lookup decides "not there, create it" from the list: it must not act on part of it.
    if (!listing.complete) {
      throw new CalendarServerError(
        undefined,
        `booking list stopped after ${this.config.listMaxPages} pages; more may lie further`,
      );
    }
    const matches = listing.bookings.filter(
      (booking) =>
        booking.metadata.appointment_id === query.appointmentId &&
        booking.metadata.phase_id === query.phaseId,
    );
    const live = matches.find((b) => b.status !== 'cancelled' && b.status !== 'rejected');
    return live ?? matches[0] ?? null;
  }

  async listBookings(query: ListBookingsQuery): Promise<BookingListing> {
    if (query.eventTypeIds.length === 0) return { bookings: [], complete: true };
    return this.listAll(query.priority ?? 'reconcile', query.credentialRef, {
      eventTypeIds: [...new Set(query.eventTypeIds)].join(','),
      afterStart: query.range.start.toISOString(),
      beforeEnd: query.range.end.toISOString(),
    });
  }

  async getBooking(ref: BookingRef): Promise<ExternalBooking | null> {
    try {
      const response = await this.call<unknown>(ref.priority ?? 'sync', ref.credentialRef, {
        family: 'bookings',
        method: 'GET',
        path: `/v2/bookings/${encodeURIComponent(ref.uid)}`,
      });
      return CalcomMapper.toBooking(response.data);
    } catch (error) {
      if (error instanceof CalendarNotFound) return null;
      throw error;
    }
  }

  /**
   * Cal.com refuses to cancel a booking cancelled already (a 400); someone in Cal.com may have
   * been first. The booking is then read: cancelled is what was asked for.
   */
  async cancelBooking(command: CancelBookingCommand): Promise<ExternalBooking> {
    const body: CalcomCancelBookingInput = {
      cancellationReason: CALCOM_CHANGE_REASONS[command.reason],
    };
    let cancelled: ExternalBooking | undefined;
    try {
      try {
        cancelled = await this.bookingAction(command, 'cancel', body);
      } catch (error) {
        if (!(error instanceof CalendarBadRequest)) throw error;
        const now = await this.getBooking(command);
        if (now?.status !== 'cancelled') throw error;
        cancelled = now;
      }
      return cancelled;
    } finally {
      // The answer names the freed time; without one (an error) the time is unknown here.
      await this.invalidateAfterWrite(command.slotScope, cancelled);
    }
  }

  async rescheduleBooking(command: RescheduleBookingCommand): Promise<ExternalBooking> {
    const body: CalcomRescheduleBookingInput = {
      start: command.newStart.toISOString(),
      ...(command.reason !== undefined
        ? { reschedulingReason: CALCOM_CHANGE_REASONS[command.reason] }
        : {}),
    };
    try {
      return await this.bookingAction(command, 'reschedule', body);
    } finally {
      await this.invalidateAfterWrite(command.slotScope);
    }
  }

  /** `POST /v2/bookings/{uid}/{action}`: the booking as Cal.com has it afterwards. */
  private async bookingAction(
    ref: BookingRef,
    action: 'cancel' | 'reschedule',
    body: CalcomCancelBookingInput | CalcomRescheduleBookingInput,
  ): Promise<ExternalBooking> {
    const response = await this.call<unknown>(ref.priority ?? 'sync', ref.credentialRef, {
      family: 'bookings',
      method: 'POST',
      path: `/v2/bookings/${encodeURIComponent(ref.uid)}/${action}`,
      body,
    });
    return CalcomMapper.toBooking(response.data);
  }

  /**
   * `GET /v2/event-types/{id}` (event types version 2024-06-14, outside the bookings contract):
   * read when a mapping is saved, never during a call or a sync. An operator waits for it, so it
   * goes first like a caller's request (and never waits for the quota).
   */
  async eventTypeSettings(
    credentialRef: CalendarCredentialRef,
    eventTypeId: number,
  ): Promise<EventTypeSettings> {
    const response = await this.call<unknown>('live', credentialRef, {
      family: 'eventTypes',
      method: 'GET',
      path: `/v2/event-types/${encodeURIComponent(String(eventTypeId))}`,
    });
    return CalcomMapper.toEventTypeSettings(response.data);
  }

  async invalidateSlots(scope: SlotInvalidationScope): Promise<void> {
    await this.slotCache.invalidate(scope);
  }

  breakerState(credentialRef: CalendarCredentialRef): CalendarBreakerState {
    return this.breakers.state(credentialRef);
  }

  /** A rotated or removed key starts over: a breaker opened by the old key must not hold the new one. */
  forgetCredential(credentialRef: CalendarCredentialRef): void {
    this.breakers.forget(credentialRef);
  }

  /** Every breaker created so far with its state (health, metrics). */
  breakerStates(): ReadonlyMap<CalendarCredentialRef, CalendarBreakerState> {
    return this.breakers.states();
  }

  /** Subscribes to a credential's breaker transitions; returns the unsubscribe function. */
  onBreakerEvent(
    credentialRef: CalendarCredentialRef,
    event: CalcomBreakerEvent,
    listener: () => void,
  ): () => void {
    const emitter: EventEmitter = this.breakers.breakerFor(credentialRef);
    emitter.on(event, listener);
    return () => {
      emitter.removeListener(event, listener);
    };
  }

  /** Stops breaker timers and closes idle connections. The Redis client belongs to whoever injected it. */
  close(): void {
    this.quota.close();
    void this.slotCache.stopRefreshing();
    this.breakers.shutdown();
    this.http.close();
  }

  /** Slot answers being refreshed in the background are let finish (each has its timeout). */
  async onModuleDestroy(): Promise<void> {
    await this.slotCache.stopRefreshing();
    this.close();
  }

  /**
   * GET /v2/bookings with these filters, page after page while `hasNextPage`, at most
   * `listMaxPages` pages; a listing cut there says so (`complete: false`).
   */
  private async listAll(
    priority: CalendarPriority,
    credentialRef: CalendarCredentialRef,
    filters: CalcomQuery,
  ): Promise<BookingListing> {
    const bookings: ListedBooking[] = [];
    let skip = 0;
    for (let page = 0; page < this.config.listMaxPages; page++) {
      const response = await this.call<unknown>(priority, credentialRef, {
        family: 'bookings',
        method: 'GET',
        path: '/v2/bookings',
        query: { ...filters, take: this.config.listPageSize, skip },
      });
      const items: unknown[] = Array.isArray(response.data) ? response.data : [];
      bookings.push(...CalcomMapper.toListedBookings(items));
      if (!response.pagination?.hasNextPage || items.length === 0) {
        return { bookings, complete: true };
      }
      skip += items.length;
    }
    return { bookings, complete: false };
  }

  /**
   * One request: it waits for (or is refused) room in its key's request quota, unless the
   * breaker is open and refuses it unsent anyway.
   */
  private async call<T>(
    priority: CalendarPriority,
    credentialRef: CalendarCredentialRef,
    request: CalcomRequest,
  ): Promise<CalcomResponse<T>> {
    const credential = await this.credentials.resolve(credentialRef);
    if (!credential) {
      throw new CalendarAuthFailed(`no calendar credential for ${credentialRef}`);
    }
    if (this.breakers.state(credentialRef) !== 'open') {
      await this.quota.admit(credential.apiKey, priority);
    }
    try {
      return await this.breakers.run(credentialRef, () => this.http.send<T>(credential, request));
    } catch (error) {
      // A refused key may have been rotated by another process: the next attempt reads it again.
      if (error instanceof CalendarAuthFailed) this.credentials.forget?.(credentialRef);
      throw error;
    }
  }

  /**
   * A write (even a failed or timed-out one) may have changed the slots: drop them, only
   * around the written time when it is known.
   */
  private async invalidateAfterWrite(
    scope: SlotInvalidationScope | undefined,
    written?: { start: Date; end: Date },
  ): Promise<void> {
    if (!scope) return;
    await this.slotCache.invalidate(
      scope.around || !written ? scope : { ...scope, around: written },
    );
  }
}
