import { DataSource } from 'typeorm';
import { ImportedSalon } from '../../../src/application/ports/salon-writer.port';
import { portsFor } from '../../../src/adapters/outbound/persistence/typeorm-transaction-ports';
import { retriedTransaction } from '../../../src/adapters/outbound/persistence/retried-transaction';
import { OverlappingQueryWatch, watchOverlappingQueries } from '../../support/overlapping-queries';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { importDemoSalon } from './admin-ports.fixture';

const firstPage = { page: 1, pageSize: 50 };

/**
 * A transaction is one connection: statements sent on it before the previous one answered are
 * queued by pg 8 with a warning, and refused by pg 9. The admin adapters run inside the admin
 * unit of work's transactions (a saved branch, service or stylist is read back in it).
 */
describe('admin adapters in a transaction (real Postgres)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let salon: ImportedSalon;
  let watch: OverlappingQueryWatch;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = db.dataSource;
    salon = await importDemoSalon(ds);
  });

  beforeEach(() => {
    watch = watchOverlappingQueries();
  });

  afterEach(() => watch.stop());

  afterAll(async () => {
    await db.drop();
  });

  it('read branches, services and stylists one statement at a time', async () => {
    const read = await retriedTransaction(ds, async (m) => {
      const tx = portsFor(m, null);
      return {
        branches: await tx.branches.list(salon.companyId, firstPage),
        services: await tx.services.list(salon.companyId, firstPage),
        staff: await tx.staff.list(salon.companyId, firstPage),
      };
    });
    expect(read.branches.items.length).toBeGreaterThan(0);
    expect(read.services.items.length).toBeGreaterThan(0);
    expect(read.staff.items.length).toBeGreaterThan(0);
    expect(watch.overlaps).toEqual([]);
  });

  it('save and read back a branch, a service and a stylist one statement at a time', async () => {
    const before = portsFor(ds.manager, null);
    const [branch] = (await before.branches.list(salon.companyId, firstPage)).items;
    const [service] = (await before.services.list(salon.companyId, firstPage)).items;
    const [stylist] = (await before.staff.list(salon.companyId, firstPage)).items;
    watch.stop();
    watch = watchOverlappingQueries();

    const saved = await retriedTransaction(ds, async (m) => {
      const tx = portsFor(m, null);
      return {
        branch: await tx.branches.save(salon.companyId, branch.id, { ...branch, name: 'Mitte' }),
        service: await tx.services.save(salon.companyId, service.id, service),
        stylist: await tx.staff.save(salon.companyId, stylist.id, stylist),
      };
    });
    expect(saved.branch.name).toBe('Mitte');
    expect(saved.branch.openingHours).toEqual(branch.openingHours);
    expect(saved.service?.segments).toEqual(service.segments);
    expect(saved.stylist.serviceIds).toEqual(stylist.serviceIds);
    expect(watch.overlaps).toEqual([]);
  });
});
