import { Injectable } from '@nestjs/common';
import { AmbiguousServiceName, UnknownServiceName } from '../../domain/salon/service-name-matcher';
import {
  matchServiceList,
  NamedPart,
  TooManyServicesNamed,
} from '../../domain/salon/service-list-matcher';
import { Service } from '../../domain/salon/service';
import { ServicePrice } from '../../domain/salon/service-price';
import { PhoneFunctionArgs } from '../booking/phone-functions';
import { BranchContext } from '../ports/salon-catalog.port';

/** What a caller may learn about one service before booking it. */
export interface ServiceFacts {
  readonly name: string;
  readonly description: string | null;
  /** Minutes the caller spends in the salon. */
  readonly totalMinutes: number;
  /** Of those, minutes the colour or perm acts while the stylist is free. */
  readonly processingMinutes: number;
  readonly price: ServicePrice | null;
  /** Stylists of this branch who offer it, by name. */
  readonly stylists: readonly string[];
}

export type ServiceInfoOutcome =
  | { readonly kind: 'info'; readonly service: ServiceFacts }
  | {
      readonly kind: 'refused';
      readonly refusal: UnknownServiceName | AmbiguousServiceName<Service> | TooManyServicesNamed;
    }
  /** Several services in one phrase: none is dropped, the caller is asked about them. */
  | { readonly kind: 'several'; readonly parts: readonly NamedPart<Service>[] };

/** "Was kostet eine Dauerwelle und wie lange dauert das?": the salon file's answer. */
@Injectable()
export class GetServiceInfoUseCase {
  execute(salon: BranchContext, args: PhoneFunctionArgs): ServiceInfoOutcome {
    // "Schneiden und Färben" is two services: matched as one name it would be Färben alone.
    const found = matchServiceList(args.service ?? '', salon.services);
    if (found.kind === 'several') return { kind: 'several', parts: found.parts };
    if (found.kind !== 'match') return { kind: 'refused', refusal: found };
    const service = found.service;
    return {
      kind: 'info',
      service: {
        name: service.name,
        description: service.description,
        totalMinutes: service.durationMinutes,
        processingMinutes: service.processingMinutes,
        price: service.price,
        stylists: salon.staff.filter((s) => s.offers(service.id)).map((s) => s.name),
      },
    };
  }
}
