import { Inject, Injectable } from '@nestjs/common';
import {
  BranchContext,
  SALON_CATALOG,
  SalonCatalog,
} from '../../../application/ports/salon-catalog.port';
import { normaliseCallerNumber } from '../../../domain/salon/caller-phone';
import { RetellCallFacts } from './retell-call';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Which salon a call reached: the dialled number (the branch's answered numbers) first, then
 * the agent, then a branch id the agent's metadata or dynamic variables carry, if the catalog
 * knows it. For outbound calls the salon's line is the from number. The answer is read per
 * request and not cached across requests, so a changed catalog applies at once.
 */
@Injectable()
export class RetellTenantResolver {
  constructor(@Inject(SALON_CATALOG) private readonly catalog: SalonCatalog) {}

  async branchFor(facts: RetellCallFacts): Promise<BranchContext | null> {
    const found = await this.branchIdFor(facts);
    if (found === null || typeof found !== 'string') return found;
    return this.catalog.branchContext(found);
  }

  private async branchIdFor(facts: RetellCallFacts): Promise<string | BranchContext | null> {
    const salonLines =
      facts.direction === 'outbound' ? [facts.fromNumber, facts.toNumber] : [facts.toNumber];
    for (const line of salonLines) {
      const number = normaliseCallerNumber(line);
      if (!number.ok) continue;
      const branchId = await this.catalog.branchIdForAnsweredNumber(number.value);
      if (branchId !== null) return branchId;
    }
    if (facts.agentId) {
      const branchId = await this.catalog.branchIdForAgent(facts.agentId);
      if (branchId !== null) return branchId;
    }
    if (facts.branchIdHint && UUID.test(facts.branchIdHint)) {
      return this.catalog.branchContext(facts.branchIdHint);
    }
    return null;
  }
}
