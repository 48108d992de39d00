import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { CLOCK, Clock } from '../../ports/clock.port';
import { UNIT_OF_WORK, UnitOfWork } from '../../ports/unit-of-work.port';
import { PeriodicSweep } from '../../shared/periodic-sweep';
import { COMPANY_RETENTION, CompanyRetention } from './company-retention';

const BATCH = 20;
const DAY_MS = 86_400_000;

/**
 * Erases closed companies whose retention has run out, each in its own transaction with an
 * audit line that names the company id only (the company's own audit rows go with it). Runs
 * in-process on an interval, like the stalled-sync sweeper; several instances may sweep at
 * once, since erasing a company already gone changes nothing.
 */
@Injectable()
export class ClosedCompanySweeper implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger(ClosedCompanySweeper.name);
  private readonly periodic: PeriodicSweep<string[]>;

  constructor(
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(COMPANY_RETENTION) private readonly retention: CompanyRetention,
  ) {
    this.periodic = new PeriodicSweep(
      () => this.sweepAll(),
      retention.sweepIntervalMs,
      (error: unknown) => {
        this.log.warn(
          `closed-company sweep failed: ${error instanceof Error ? error.message : error}`,
        );
      },
    );
  }

  /** The ids of the companies erased by this sweep; concurrent calls join the running sweep. */
  sweep(): Promise<string[]> {
    return this.periodic.run();
  }

  onModuleInit(): void {
    this.periodic.startPolling();
  }

  onModuleDestroy(): Promise<void> {
    return this.periodic.stop();
  }

  private async sweepAll(): Promise<string[]> {
    const now = this.clock.now();
    const closedBy = new Date(now.getTime() - this.retention.days * DAY_MS);
    const erased: string[] = [];
    for (;;) {
      const due = await this.uow.run((tx) => tx.closure.closedBy(closedBy, BATCH));
      for (const id of due) {
        const gone = await this.uow.run(async (tx) => {
          if (!(await tx.closure.erase(id))) return false;
          await tx.audit.record({
            actor: 'system:retention',
            action: 'company.erased',
            entity: 'company',
            entityId: id,
            details: { retentionDays: this.retention.days },
            at: now,
          });
          return true;
        });
        if (gone) erased.push(id);
      }
      if (due.length < BATCH) return erased;
    }
  }
}
