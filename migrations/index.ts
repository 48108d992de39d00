import { InitialSchema1764190000000 } from './1764190000000-initial-schema';
import { CalendarBookingLedger1764190100000 } from './1764190100000-calendar-booking-ledger';
import { CompanyRetellKey1764190200000 } from './1764190200000-company-retell-key';
import { PlaceHoldFunction1764290000000 } from './1764290000000-place-hold-function';
import { CalendarCreateIntents1764290200000 } from './1764290200000-calendar-create-intents';
import { BusyDayLocks1764290400000 } from './1764290400000-busy-day-locks';
import { PhoneBookingFunction1764290500000 } from './1764290500000-phone-booking-function';
import { PlansKeptPerConnection1764290600000 } from './1764290600000-plans-kept-per-connection';
import { CustomerErasure1764290947000 } from './1764290947000-customer-erasure';
import { CalendarCredentialRemoval1764290953000 } from './1764290953000-calendar-credential-removal';
import { CompanyClosing1764290959000 } from './1764290959000-company-closing';
import { BranchActive1764290967000 } from './1764290967000-branch-active';
import { AdminKeyRoles1764291583000 } from './1764291583000-admin-key-roles';
import { CalcomAnswersScrubbed1764291671000 } from './1764291671000-calcom-answers-scrubbed';
import { ServicePricesAndBranchContact1796628212990 } from './1796628212990-service-prices-and-branch-contact';
import { VisitServices1796629905039 } from './1796629905039-visit-services';
import { RecognitionConsentLog1796630470036 } from './1796630470036-recognition-consent-log';
import { CallerMessages1796631651942 } from './1796631651942-caller-messages';
import { SharedVisits1796639016801 } from './1796639016801-shared-visits';

/** Listed explicitly so the same classes run from ts-jest, the compiled app and the CLI. */
export const MIGRATIONS = [
  InitialSchema1764190000000,
  CalendarBookingLedger1764190100000,
  CompanyRetellKey1764190200000,
  PlaceHoldFunction1764290000000,
  CalendarCreateIntents1764290200000,
  BusyDayLocks1764290400000,
  PhoneBookingFunction1764290500000,
  PlansKeptPerConnection1764290600000,
  CustomerErasure1764290947000,
  CalendarCredentialRemoval1764290953000,
  CompanyClosing1764290959000,
  BranchActive1764290967000,
  AdminKeyRoles1764291583000,
  CalcomAnswersScrubbed1764291671000,
  ServicePricesAndBranchContact1796628212990,
  VisitServices1796629905039,
  RecognitionConsentLog1796630470036,
  CallerMessages1796631651942,
  SharedVisits1796639016801,
];
