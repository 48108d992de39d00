import { DomainError } from '../../domain/shared/domain-error';
import { LocalDate } from '../../domain/shared/local-date';
import { Service } from '../../domain/salon/service';
import { AmbiguousServiceName, UnknownServiceName } from '../../domain/salon/service-name-matcher';
import { NamedPart, TooManyServicesNamed } from '../../domain/salon/service-list-matcher';
import { Staff } from '../../domain/salon/staff';
import { AmbiguousStylistName, UnknownStylistName } from '../../domain/salon/stylist-name-matcher';

/** The service said fits several or none of the salon's. */
export interface ServiceUnclear {
  readonly kind: 'refused';
  readonly reason: 'SERVICE_UNCLEAR';
  readonly match: AmbiguousServiceName<Service> | UnknownServiceName | TooManyServicesNamed;
}

/**
 * Several services were said in one phrase ("Schneiden und Färben"). `parts` holds what each was
 * matched to; a part not understood is asked about, none is dropped. All understood: they
 * cannot be one visit (longer than a working day), so the caller is asked which one.
 */
export interface SeveralServices {
  readonly kind: 'refused';
  readonly reason: 'SEVERAL_SERVICES';
  readonly parts: readonly NamedPart<Service>[];
}

/** The stylist said fits several or nobody of the branch; `team` names everyone. */
export interface StylistUnclear {
  readonly kind: 'refused';
  readonly reason: 'STYLIST_UNCLEAR';
  readonly match: AmbiguousStylistName<Staff> | UnknownStylistName;
  readonly team: readonly string[];
}

/**
 * The stylist found does not do the service; `offeredBy` names who does (all of it, for a
 * visit), counting only those who work on a day asked when the caller named days.
 */
export interface StylistNotOffering {
  readonly kind: 'refused';
  readonly reason: 'STYLIST_NOT_OFFERING';
  readonly stylist: Staff;
  readonly service: Service;
  readonly offeredBy: readonly string[];
  /** The days the caller asked about, when they named any. */
  readonly days?: readonly LocalDate[];
  /**
   * Someone does it, but nobody who does works on the days asked: the nearest later day one
   * does, and who (undefined also when none does within a few weeks).
   */
  readonly nearest?: { readonly date: LocalDate; readonly by: readonly string[] };
  /** Someone does it, but nobody who does works on the days asked or a few weeks after. */
  readonly noneSoon?: true;
  /** Of a visit: the services of it the stylist does not do. */
  readonly notDone?: readonly string[];
}

/** Neither a day nor a time was said. */
export interface WhenMissing {
  readonly kind: 'refused';
  readonly reason: 'WHEN_MISSING';
}

/** The day or time said cannot be read as one (DateAmbiguous, TimeNotUnderstood, ...). */
export interface WhenNotUnderstood {
  readonly kind: 'refused';
  readonly reason: 'WHEN_NOT_UNDERSTOOD';
  readonly error: DomainError;
}

export type WhenRefusal = WhenMissing | WhenNotUnderstood;

/** What the caller said that cannot be read as one wish: the agent asks back, nothing is guessed. */
export type WishRefusal =
  ServiceUnclear | SeveralServices | StylistUnclear | StylistNotOffering | WhenRefusal;
