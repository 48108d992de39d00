import { ServicePart } from '../../../../domain/salon/service';
import { joinGerman } from '../../../../domain/shared/german-messages';

/** A service as said aloud: its name, or a visit's services, "Damenhaarschnitt und Färben". */
export const spokenServiceName = (service: { readonly parts: readonly ServicePart[] }): string =>
  joinGerman(service.parts.map((p) => p.name));
