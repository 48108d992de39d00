import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CountryCode } from 'libphonenumber-js';
import {
  CUSTOMER_REPOSITORY,
  CustomerRepository,
} from '../../../application/ports/customer.repository.port';
import { CLOCK, Clock } from '../../../application/ports/clock.port';
import { BranchContext } from '../../../application/ports/salon-catalog.port';
import { formatGermanDate, toClockString, toIsoDate, wallClockAt } from '../../../domain/language';
import { lookUpCaller } from '../../../domain/salon/caller-lookup';
import { normaliseCallerNumber } from '../../../domain/salon/caller-phone';
import { Customer } from '../../../domain/salon/customer';
import { readRetellCall } from './retell-call';
import { RetellTenantResolver } from './retell-tenant.resolver';

export interface InboundCallAnswer {
  readonly call_inbound: {
    readonly dynamic_variables: Record<string, string>;
    readonly metadata?: Record<string, string>;
  };
}

const SALUTATIONS = new Set(['herr', 'frau', 'hr', 'fr', 'dr', 'prof', 'divers']);

/**
 * The inbound-call webhook: before the agent speaks, what it should know. The caller's first
 * name is given only when the number belongs to exactly one customer who agreed to be
 * recognised by caller ID (domain lookUpCaller); two customers on one number, no consent or a
 * withheld number give no name. An unknown salon answers no variables (Retell's defaults).
 */
@Injectable()
export class RetellInboundCallHandler {
  private readonly logger = new Logger('RetellInboundCall');

  constructor(
    private readonly tenants: RetellTenantResolver,
    @Inject(CUSTOMER_REPOSITORY) private readonly customers: CustomerRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async answer(inbound: Record<string, unknown>): Promise<InboundCallAnswer> {
    const facts = readRetellCall({ ...inbound, direction: 'inbound' });
    const branch = await this.tenants.branchFor(facts);
    if (branch === null) return { call_inbound: { dynamic_variables: {} } };
    return {
      call_inbound: {
        dynamic_variables: {
          ...this.today(branch),
          ...transferVariables(branch),
          ...(await this.caller(branch, facts.fromNumber)),
        },
        metadata: { company_id: branch.companyId, branch_id: branch.branch.id },
      },
    };
  }

  /** The branch's date and time as the agent says them, from the Clock (FIXED_NOW aware). */
  private today(branch: BranchContext): Record<string, string> {
    const now = this.clock.now();
    const zone = branch.branch.timeZone;
    const wall = wallClockAt(now, zone);
    const spokenDate = formatGermanDate(now, zone, { withYear: true });
    return {
      current_date: spokenDate,
      current_weekday: spokenDate.split(',')[0],
      current_time: toClockString(wall.time),
      current_date_iso: toIsoDate(wall.date),
      salon_name: branch.companyName,
      branch_name: branch.branch.name,
      branch_timezone: zone,
    };
  }

  private async caller(
    branch: BranchContext,
    fromNumber: string | undefined,
  ): Promise<Record<string, string>> {
    const country = branch.country as CountryCode;
    const unknown = (status: string) => ({ customer_known: 'false', caller_status: status });
    const number = normaliseCallerNumber(fromNumber, country);
    if (!number.ok) return unknown('anonymous');
    let stored: Customer[];
    try {
      stored = await this.customers.findByPhone({ companyId: branch.companyId }, number.value);
    } catch (error) {
      this.logger.warn(`caller lookup failed: ${(error as Error).name}`);
      return unknown('unknown');
    }
    const lookup = lookUpCaller(fromNumber, stored, country);
    if (lookup.kind !== 'existing') return unknown(lookup.kind);
    const firstName = firstNameOf(lookup.customer.name);
    return {
      customer_known: 'true',
      caller_status: 'existing',
      ...(firstName ? { customer_first_name: firstName } : {}),
    };
  }
}

/**
 * Where Retell's transfer_call tool sends a caller who wants a person (its number is the
 * variable `{{transfer_number}}`); `transfer_available` tells the agent whether to offer it.
 */
function transferVariables(branch: BranchContext): Record<string, string> {
  const to = branch.contact?.transferNumber;
  return to ? { transfer_available: 'true', transfer_number: to } : { transfer_available: 'false' };
}

/**
 * The name to greet with: the first word, unless the stored name starts with a salutation
 * ("Frau Müller"), in which case no first name is known.
 */
export function firstNameOf(name: string): string | undefined {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  if (SALUTATIONS.has(words[0].replace(/\.$/, '').toLowerCase())) return undefined;
  return words[0];
}
