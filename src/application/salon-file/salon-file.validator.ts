import { isPlausibleEmail } from '../../domain/shared/contact-formats';
import { err, ok, Result } from '../../domain/shared/result';
import { SalonFile, SalonFileProblem } from './salon-file';
import { checkBranch } from './salon-file-branch.check';
import { Complain, FIELDS, isObj, isText, KEY, Obj, onlyKnown } from './salon-file-fields';
import { checkHours } from './salon-file-hours.check';
import { checkService } from './salon-file-service.check';

/** Shape and meaning of a salon file; every problem is reported with the field that has it. */
export function validateSalonFile(raw: unknown): Result<SalonFile, SalonFileProblem[]> {
  const problems: SalonFileProblem[] = [];
  const bad: Complain = (field, problem) => problems.push({ field, problem });

  if (!isObj(raw)) return err([{ field: '(file)', problem: 'must be a JSON object' }]);
  onlyKnown(raw, FIELDS.file, '', bad);
  checkCompany(raw.company, bad);

  const branches = arrayAt(raw, 'branches', bad);
  const services = arrayAt(raw, 'services', bad);
  const staff = arrayAt(raw, 'staff', bad);

  const branchKeys = uniqueKeys(branches, 'branches', bad);
  const serviceKeys = uniqueKeys(services, 'services', bad);
  uniqueKeys(staff, 'staff', bad);

  const numbers = new Set<string>();
  branches.forEach((b, i) => checkBranch(b, `branches[${i}]`, numbers, bad));
  services.forEach((s, i) => checkService(s, `services[${i}]`, bad));
  uniqueServiceNames(services, bad);
  staff.forEach((m, i) => checkStaff(m, `staff[${i}]`, { branchKeys, serviceKeys }, bad));

  return problems.length === 0 ? ok(raw as unknown as SalonFile) : err(problems);
}

function checkCompany(company: unknown, bad: Complain): void {
  if (!isObj(company)) {
    bad('company', 'must be an object with name and slug');
    return;
  }
  onlyKnown(company, FIELDS.company, 'company', bad);
  if (!isText(company.name, 150)) bad('company.name', 'must be text of 1-150 characters');
  if (typeof company.slug !== 'string' || !KEY.test(company.slug))
    bad('company.slug', 'must be lower-case letters, digits, - or _');
}

/** The same rule as the database's (company, name) key: "Färben" and "färben" are two services. */
function uniqueServiceNames(services: unknown[], bad: Complain): void {
  const names = new Set<string>();
  services.forEach((s, i) => {
    if (!isObj(s) || typeof s.name !== 'string') return;
    const name = s.name.trim();
    if (names.has(name)) bad(`services[${i}].name`, `"${s.name}" is used twice`);
    names.add(name);
  });
}

function checkStaff(
  m: unknown,
  at: string,
  known: { branchKeys: Set<string>; serviceKeys: Set<string> },
  bad: Complain,
): void {
  if (!isObj(m)) return;
  onlyKnown(m, FIELDS.staff, at, bad);
  if (!isText(m.name, 150)) bad(`${at}.name`, 'must be text of 1-150 characters');
  if (typeof m.branch !== 'string' || !known.branchKeys.has(m.branch))
    bad(`${at}.branch`, `unknown branch "${String(m.branch)}"`);
  if (m.email !== undefined && (typeof m.email !== 'string' || !isPlausibleEmail(m.email)))
    bad(`${at}.email`, 'must be an e-mail address of at most 255 characters');
  // A stylist without services is a state the admin API allows (and exports as []).
  if (!Array.isArray(m.services)) bad(`${at}.services`, 'must be a list of service keys');
  else
    m.services.forEach((key, j) => {
      if (typeof key !== 'string' || !known.serviceKeys.has(key))
        bad(`${at}.services[${j}]`, `unknown service "${String(key)}"`);
    });
  if (m.workingHours !== undefined) checkHours(m.workingHours, `${at}.workingHours`, bad, false);
}

/** A list of objects; empty is fine, as a company fresh from the admin API exports so. */
function arrayAt(raw: Obj, key: string, bad: Complain): unknown[] {
  const value = raw[key];
  if (!Array.isArray(value)) {
    bad(key, 'must be a list');
    return [];
  }
  if (value.length > 500) bad(key, 'holds more than 500 entries');
  value.forEach((v, i) => {
    if (!isObj(v)) bad(`${key}[${i}]`, 'must be an object');
  });
  return value;
}

function uniqueKeys(items: unknown[], at: string, bad: Complain): Set<string> {
  const keys = new Set<string>();
  items.forEach((item, i) => {
    if (!isObj(item)) return;
    if (typeof item.key !== 'string' || !KEY.test(item.key))
      bad(`${at}[${i}].key`, 'must be lower-case letters, digits, - or _');
    else if (keys.has(item.key)) bad(`${at}[${i}].key`, `"${item.key}" is used twice`);
    else keys.add(item.key);
  });
  return keys;
}
