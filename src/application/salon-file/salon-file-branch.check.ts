import { Branch } from '../../domain/salon/branch';
import { isLocalDate } from '../../domain/shared/local-date';
import { WeeklyHours } from '../../domain/salon/weekly-hours';
import { isE164, isPlausibleEmail } from '../../domain/shared/contact-formats';
import { checkHours } from './salon-file-hours.check';
import { Complain, FIELDS, isObj, isText, Obj, onlyKnown } from './salon-file-fields';

/**
 * One branch: its fields, hours, numbers and closed dates, and what the domain says of its zone
 * and granularity. `numbers` collects the file's phone numbers: one number answers one branch.
 */
export function checkBranch(b: unknown, at: string, numbers: Set<string>, bad: Complain): void {
  if (!isObj(b)) return;
  onlyKnown(b, FIELDS.branch, at, bad);
  if (!isText(b.name, 150)) bad(`${at}.name`, 'must be text of 1-150 characters');
  const hours = checkHours(b.openingHours, `${at}.openingHours`, bad, true);
  checkPhoneNumbers(b.phoneNumbers ?? [], `${at}.phoneNumbers`, numbers, bad);
  const closed = b.closedDates ?? [];
  if (!Array.isArray(closed)) bad(`${at}.closedDates`, 'must be a list');
  else
    closed.forEach((d, j) => {
      if (typeof d !== 'string' || !isLocalDate(d))
        bad(`${at}.closedDates[${j}]`, 'must be a date yyyy-MM-dd');
    });
  if (b.country !== undefined && (typeof b.country !== 'string' || !/^[A-Z]{2}$/.test(b.country)))
    bad(`${at}.country`, 'must be a two-letter country code such as DE');
  if (b.retellAgentId !== undefined && !isText(b.retellAgentId, 100))
    bad(`${at}.retellAgentId`, 'must be text of 1-100 characters');
  checkContact(b, at, numbers, bad);
  if (b.splitVisits !== undefined && typeof b.splitVisits !== 'boolean')
    bad(`${at}.splitVisits`, 'must be true or false');
  if (hours) checkBranchRules(b, hours, at, bad);
}

/** The messages' address and the transfer number; a transfer to the agent's own line loops. */
function checkContact(b: Obj, at: string, numbers: Set<string>, bad: Complain): void {
  if (b.email !== undefined && (typeof b.email !== 'string' || !isPlausibleEmail(b.email)))
    bad(`${at}.email`, 'must be an e-mail address such as salon@example.de');
  const to = b.transferNumber;
  if (to === undefined) return;
  if (typeof to !== 'string' || !isE164(to))
    bad(`${at}.transferNumber`, 'must be an E.164 number such as +493012345678');
  else if (numbers.has(to))
    bad(`${at}.transferNumber`, 'is a number the agent answers; give a person at the salon');
}

function checkPhoneNumbers(phones: unknown, at: string, numbers: Set<string>, bad: Complain) {
  if (!Array.isArray(phones)) {
    bad(at, 'must be a list');
    return;
  }
  phones.forEach((p, j) => {
    if (typeof p !== 'string' || !isE164(p))
      bad(`${at}[${j}]`, 'must be an E.164 number such as +493012345678');
    else if (numbers.has(p)) bad(`${at}[${j}]`, `${p} is listed twice`);
    else numbers.add(p);
  });
}

/** The domain's own refusal of a zone or granularity, reported at the field it concerns. */
function checkBranchRules(b: Obj, hours: WeeklyHours, at: string, bad: Complain): void {
  const branch = Branch.create({
    id: 'check',
    name: typeof b.name === 'string' ? b.name : 'x',
    timeZone: b.timeZone as string | undefined,
    openingHours: hours,
    slotGranularityMinutes: b.slotGranularityMinutes as number | undefined,
  });
  if (branch.ok) return;
  const field = /time ?zone/i.test(branch.error.detail)
    ? `${at}.timeZone`
    : /granularity/i.test(branch.error.detail)
      ? `${at}.slotGranularityMinutes`
      : at;
  bad(field, branch.error.detail);
}
