import { Injectable } from '@nestjs/common';
import { BranchContext } from '../../../application/ports/salon-catalog.port';
import type { RequestWithRawBody } from '../../../common/http-edge';
import { isRecord } from '../../../common/is-record';
import { readRetellCall, RetellCallFacts } from './retell-call';
import { RetellTenantResolver } from './retell-tenant.resolver';

/** The call facts a request names, wherever its kind of body keeps them. */
function callFactsOf(request: RequestWithRawBody): RetellCallFacts {
  const body: unknown = request.body;
  if (!isRecord(body)) return {};
  if (isRecord(body.call_inbound)) return readRetellCall(body.call_inbound);
  const facts = readRetellCall(body.call);
  const branchHeader = request.headers['x-salon-branch-id'];
  return facts.branchIdHint === undefined && typeof branchHeader === 'string'
    ? { ...facts, branchIdHint: branchHeader.trim().slice(0, 64) }
    : facts;
}

/**
 * The salon a Retell request is for, resolved once per request: the signature guard needs it
 * for the salon's key and the rate guard for the salon's limit. Unresolvable (or a catalog
 * that fails) is null.
 */
@Injectable()
export class RetellRequestTenant {
  private readonly resolved = new WeakMap<object, Promise<BranchContext | null>>();

  constructor(private readonly tenants: RetellTenantResolver) {}

  branchOf(request: RequestWithRawBody): Promise<BranchContext | null> {
    let branch = this.resolved.get(request);
    if (!branch) {
      branch = this.tenants.branchFor(callFactsOf(request)).catch(() => null);
      this.resolved.set(request, branch);
    }
    return branch;
  }
}
