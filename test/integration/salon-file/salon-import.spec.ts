import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportSalonUseCase } from '../../../src/application/salon-file/import-salon.use-case';
import { SalonFile } from '../../../src/application/salon-file/salon-file';
import { TypeOrmSalonWriter } from '../../../src/adapters/outbound/persistence/typeorm-salon.writer';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

const demo = (): SalonFile =>
  JSON.parse(
    readFileSync(join(__dirname, '../../../fixtures/demo-salon.json'), 'utf8'),
  ) as SalonFile;

describe('salon file import (real Postgres)', () => {
  let db: TestDatabase;
  let writer: TypeOrmSalonWriter;
  let importSalon: ImportSalonUseCase;

  beforeAll(async () => {
    db = await createTestDatabase();
    writer = new TypeOrmSalonWriter(db.dataSource);
    importSalon = new ImportSalonUseCase(writer);
  });
  afterAll(() => db.drop());

  const count = async (table: string): Promise<number> =>
    (await db.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  it('imports the demo salon with its branch, hours, services, segments and stylists', async () => {
    const result = await importSalon.execute(demo());
    expect(result.ok).toBe(true);
    expect(await count('companies')).toBe(1);
    expect(await count('branches')).toBe(1);
    expect(await count('staff')).toBe(3);
    expect(await count('services')).toBe(6);
    const perm = await db.dataSource.query(
      `SELECT seg.duration_minutes AS m, seg.staff_busy AS busy FROM service_segments seg
       JOIN services s ON s.id = seg.service_id WHERE s.name = 'Dauerwelle' ORDER BY seg.sequence`,
    );
    expect(perm).toEqual([
      { m: 30, busy: true },
      { m: 40, busy: false },
      { m: 20, busy: true },
      { m: 10, busy: false },
      { m: 25, busy: true },
    ]);
    const tuesday = await db.dataSource.query(
      `SELECT opens_at, closes_at FROM opening_hours WHERE weekday = 2 ORDER BY opens_at`,
    );
    expect(tuesday).toEqual([
      { opens_at: '09:00:00', closes_at: '13:00:00' },
      { opens_at: '14:00:00', closes_at: '18:30:00' },
    ]);
  });

  it('refuses the same company twice without writing anything', async () => {
    const before = await count('services');
    const result = await importSalon.execute(demo());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.map((p) => p.field)).toContain('company.slug');
    expect(await count('services')).toBe(before);
  });

  type Mutation = (f: SalonFile) => void;
  const refusals: Array<[string, Mutation, string]> = [
    [
      'unknown service in a stylist list',
      (f) => f.staff[0].services.push('balayage'),
      'staff[0].services[5]',
    ],
    ['unknown branch of a stylist', (f) => (f.staff[1].branch = 'nord'), 'staff[1].branch'],
    [
      'negative duration',
      (f) => (f.services[0].durationMinutes = -30),
      'services[0].durationMinutes',
    ],
    [
      'negative segment',
      (f) => (f.services[3].segments![1].minutes = -40),
      'services[3].segments[1].minutes',
    ],
    ['non-IANA timezone', (f) => (f.branches[0].timeZone = 'Mars/Olympus'), 'branches[0].timeZone'],
    [
      'overlapping opening windows',
      (f) =>
        (f.branches[0].openingHours.tue = [
          { from: '09:00', to: '13:00' },
          { from: '12:00', to: '18:00' },
        ]),
      'branches[0].openingHours.tue[1]',
    ],
    [
      'window ending before it starts',
      (f) => (f.branches[0].openingHours.fri = [{ from: '18:00', to: '09:00' }]),
      'branches[0].openingHours.fri[0]',
    ],
    [
      'too long a service',
      (f) => (f.services[1].durationMinutes = 600),
      'services[1].durationMinutes',
    ],
    ['both duration and segments', (f) => (f.services[3].durationMinutes = 60), 'services[3]'],
    [
      'bad phone number',
      (f) => (f.branches[0].phoneNumbers = ['030 123']),
      'branches[0].phoneNumbers[0]',
    ],
    [
      'bad closed date',
      (f) => (f.branches[0].closedDates = ['24.12.2026']),
      'branches[0].closedDates[0]',
    ],
    ['duplicate service key', (f) => (f.services[1].key = f.services[0].key), 'services[1].key'],
    [
      'duplicate service name',
      (f) => (f.services[1].name = f.services[0].name),
      'services[1].name',
    ],
    [
      'unknown weekday',
      (f) => ((f.branches[0].openingHours as Record<string, unknown>).montag = []),
      'branches[0].openingHours.montag',
    ],
    ['bad email', (f) => (f.staff[0].email = 'anna-at-salon'), 'staff[0].email'],
    [
      'a misspelt closedDates',
      (f) => Object.assign(f.branches[0], { closedDate: ['2026-12-24'] }),
      'branches[0].closedDate',
    ],
    ['an unknown top-level field', (f) => Object.assign(f, { branch: [] }), 'branch'],
    ['an unknown company field', (f) => Object.assign(f.company, { owner: 'x' }), 'company.owner'],
    [
      'an unknown service field',
      (f) => Object.assign(f.services[0], { duration: 30 }),
      'services[0].duration',
    ],
    [
      'an unknown segment field',
      (f) => Object.assign(f.services[3].segments![0], { busy: true }),
      'services[3].segments[0].busy',
    ],
    [
      'an unknown stylist field',
      (f) => Object.assign(f.staff[0], { workingHour: {} }),
      'staff[0].workingHour',
    ],
    [
      'an unknown field in an opening window',
      (f) => Object.assign(f.branches[0].openingHours.tue![0], { until: '12:00' }),
      'branches[0].openingHours.tue[0].until',
    ],
    [
      'a __proto__ key',
      (f) => Object.defineProperty(f.staff[0], '__proto__', { value: {}, enumerable: true }),
      'staff[0].__proto__',
    ],
    [
      'a segment label that is no text',
      (f) => Object.assign(f.services[3].segments![0], { label: 7 }),
      'services[3].segments[0].label',
    ],
    ['oversized name', (f) => (f.company.name = 'x'.repeat(151)), 'company.name'],
  ];

  it.each(refusals)('refuses %s and imports nothing', async (_label, mutate, field) => {
    const file = demo();
    file.company.slug = `other-${Math.random().toString(36).slice(2, 8)}`;
    file.branches[0].phoneNumbers = ['+4940111111'];
    mutate(file);
    const companies = await count('companies');
    const result = await importSalon.execute(file);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.map((p) => p.field)).toContain(field);
    expect(await count('companies')).toBe(companies);
  });

  it('names the field a misspelt one most likely meant', async () => {
    const file = demo();
    file.company.slug = 'typo';
    file.branches[0].phoneNumbers = ['+4940333333'];
    Object.assign(file.branches[0], { closedDate: ['2026-12-24'], timezone: 'Europe/Berlin' });
    const result = await importSalon.execute(file);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toEqual([
        {
          field: 'branches[0].closedDate',
          problem: 'property closedDate should not exist; did you mean "closedDates"?',
        },
        {
          field: 'branches[0].timezone',
          problem: 'property timezone should not exist; did you mean "timeZone"?',
        },
      ]);
  });

  it('keeps which services may run during another one’s processing time, and checks the flag', async () => {
    const flagged = demo();
    flagged.company.slug = 'during-processing';
    flagged.branches[0].phoneNumbers = ['+4940333334'];
    const wash = flagged.services.find((s) => s.key === 'foehnen')!;
    Object.assign(wash, { duringProcessing: 'ja' });
    const refused = await importSalon.execute(flagged);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error).toEqual([
        { field: 'services[5].duringProcessing', problem: 'must be true or false' },
      ]);
    }
    wash.duringProcessing = true;
    expect((await importSalon.execute(flagged)).ok).toBe(true);
    const rows = await db.dataSource.query(
      `SELECT s.name, s.during_processing AS during FROM services s
         JOIN companies c ON c.id = s.company_id WHERE c.slug = 'during-processing' ORDER BY s.name`,
    );
    expect(rows.filter((r: { during: boolean }) => r.during)).toEqual([
      { name: 'Waschen und Föhnen', during: true },
    ]);
  });

  it('imports a company with nothing in it yet, and a stylist without services', async () => {
    const empty = await importSalon.execute({
      company: { name: 'Neu', slug: 'empty' },
      branches: [],
      services: [],
      staff: [],
    });
    expect(empty.ok).toBe(true);
    const file = demo();
    file.company.slug = 'no-services';
    file.branches[0].phoneNumbers = ['+4940444444'];
    file.staff[0].services = [];
    const result = await importSalon.execute(file);
    expect(result.ok).toBe(true);
  });

  it('writes the audit entries the routes write, in the same transaction', async () => {
    const file = demo();
    file.company.slug = 'audited';
    file.branches[0].phoneNumbers = ['+4940555555'];
    const result = await importSalon.execute(file, 'admin:bootstrap');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const rows: Array<{ action: string; entity: string; entity_id: string; actor: string }> =
      await db.dataSource.query(
        `SELECT action, entity, entity_id, actor FROM audit_log WHERE company_id = $1 ORDER BY id`,
        [result.value.companyId],
      );
    const { companyId, branchIds, serviceIds, staffIds } = result.value;
    expect(rows.map((r) => r.actor)).toEqual(rows.map(() => 'admin:bootstrap'));
    expect(rows.map((r) => [r.action, r.entity, r.entity_id])).toEqual([
      ['company.created', 'company', companyId],
      ...Object.values(branchIds).map((id) => ['branch.created', 'branch', id]),
      ...Object.values(serviceIds).map((id) => ['service.created', 'service', id]),
      ...Object.values(staffIds).map((id) => ['staff.created', 'staff', id]),
    ]);
    expect(rows).toHaveLength(1 + 1 + 6 + 3);
  });

  it('leaves no audit entry when the import rolls back', async () => {
    const file = demo();
    file.company.slug = 'rolled-back';
    file.branches[0].phoneNumbers = ['+4940666666'];
    const before = await count('audit_log');
    await expect(
      writer.write(file, async (_, audit) => {
        await audit.record({
          actor: 'test',
          action: 'company.created',
          entity: 'company',
          at: new Date('2026-11-26T14:00:00Z'),
        });
        throw new Error('after the audit entry');
      }),
    ).rejects.toThrow('after the audit entry');
    expect(await count('audit_log')).toBe(before);
    expect(await count("companies WHERE slug = 'rolled-back'")).toBe(0);
  });

  it.each([null, 42, 'text', [], {}, { company: {} }])('refuses garbage %p', async (garbage) => {
    const result = await importSalon.execute(garbage);
    expect(result.ok).toBe(false);
  });

  it('rolls back every row when the database refuses one midway', async () => {
    const file = demo();
    file.company.slug = 'atomic';
    file.branches[0].phoneNumbers = ['+4940222222'];
    file.services[1].name = file.services[0].name; // unique (company, name) fails after rows were written
    const companies = await count('companies');
    const numbers = await count('branch_phone_numbers');
    await expect(writer.write(file, async () => undefined)).rejects.toThrow();
    expect(await count('companies')).toBe(companies);
    expect(await count('branch_phone_numbers')).toBe(numbers);
  });
});
