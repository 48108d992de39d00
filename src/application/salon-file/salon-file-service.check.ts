import { Service } from '../../domain/salon/service';
import { priceOf, PRICE_MAX_CENTS } from '../../domain/salon/service-price';
import { SalonFileService } from './salon-file';
import { Complain, FIELDS, isObj, isText, isWhole, Obj, onlyKnown } from './salon-file-fields';

/** One service: a name, exactly one of a duration or segments, and limits the domain accepts. */
export function checkService(raw: unknown, at: string, bad: Complain): void {
  if (!isObj(raw)) return;
  onlyKnown(raw, FIELDS.service, at, bad);
  const s = raw as Partial<SalonFileService> & Obj;
  if (!isText(s.name, 150)) bad(`${at}.name`, 'must be text of 1-150 characters');
  if (
    s.synonyms !== undefined &&
    (!Array.isArray(s.synonyms) || s.synonyms.some((x) => !isText(x, 150)))
  )
    bad(`${at}.synonyms`, 'must be a list of names of 1-150 characters');
  const hasDuration = s.durationMinutes !== undefined;
  const hasSegments = s.segments !== undefined;
  if (hasDuration === hasSegments) {
    bad(at, 'needs exactly one of durationMinutes or segments');
    return;
  }
  if (hasDuration && !isWhole(s.durationMinutes, 15, 480)) {
    bad(`${at}.durationMinutes`, 'must be a whole number of minutes between 15 and 480');
    return;
  }
  if (hasSegments && !checkSegments(s.segments, at, bad)) return;
  for (const field of ['bufferAfterMinutes', 'minNoticeMinutes', 'bookingHorizonDays'] as const) {
    if (s[field] !== undefined && !isWhole(s[field], 0, 100_000)) {
      bad(`${at}.${field}`, 'must be a whole non-negative number');
      return;
    }
  }
  if (s.description !== undefined && !isText(s.description, 300))
    bad(`${at}.description`, 'must be text of 1-300 characters');
  for (const field of ['priceMinCents', 'priceMaxCents'] as const) {
    if (s[field] !== undefined && !isWhole(s[field], 0, PRICE_MAX_CENTS)) {
      bad(`${at}.${field}`, `must be whole cents between 0 and ${PRICE_MAX_CENTS}`);
      return;
    }
  }
  if (s.priceMaxCents !== undefined && s.priceMinCents === undefined) {
    bad(`${at}.priceMinCents`, 'is needed with priceMaxCents (the lowest price of the range)');
    return;
  }
  if (s.duringProcessing !== undefined && typeof s.duringProcessing !== 'boolean') {
    bad(`${at}.duringProcessing`, 'must be true or false');
    return;
  }
  const service = Service.create({
    id: 'check',
    name: typeof s.name === 'string' ? s.name : 'x',
    synonyms: Array.isArray(s.synonyms) ? (s.synonyms as string[]) : [],
    bufferAfterMinutes: s.bufferAfterMinutes,
    minNoticeMinutes: s.minNoticeMinutes,
    bookingHorizonDays: s.bookingHorizonDays,
    description: typeof s.description === 'string' ? s.description : null,
    price: priceOf(s.priceMinCents, s.priceMaxCents),
    ...(hasDuration
      ? { durationMinutes: s.durationMinutes as number }
      : {
          segments: (s.segments ?? []).map((x) => ({ minutes: x.minutes, staffBusy: x.staffBusy })),
        }),
  });
  if (!service.ok) bad(at, service.error.detail);
}

/** A non-empty list of {label?, minutes, staffBusy}; true when every segment is well formed. */
function checkSegments(segments: unknown, at: string, bad: Complain): boolean {
  if (!Array.isArray(segments) || segments.length === 0) {
    bad(`${at}.segments`, 'must be a non-empty list');
    return false;
  }
  let fine = true;
  segments.forEach((seg: unknown, j) => {
    if (isObj(seg)) onlyKnown(seg, FIELDS.segment, `${at}.segments[${j}]`, bad);
    if (isObj(seg) && seg.label !== undefined && !isText(seg.label, 80)) {
      bad(`${at}.segments[${j}].label`, 'must be text of 1-80 characters');
      fine = false;
    }
    if (!isObj(seg) || !isWhole(seg.minutes, 1, 480)) {
      bad(`${at}.segments[${j}].minutes`, 'must be a positive whole number of minutes');
      fine = false;
    } else if (typeof seg.staffBusy !== 'boolean') {
      bad(`${at}.segments[${j}].staffBusy`, 'must be true or false');
      fine = false;
    }
  });
  return fine;
}
