import { INestApplication } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Express, NextFunction, Request, Response } from 'express';
import { AuthenticateAdminUseCase } from '../../../application/admin/access/authenticate-admin.use-case';
import { DASHBOARD_QUEUES, type DashboardQueues } from '../../outbound/queue/dashboard-queues';
import { presentedKey } from './auth/admin-request';
import { AdminRateLimited, AdminRateLimits } from './auth/admin-rate-limits';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/** The key from `x-api-key`, `Authorization: Bearer` or, for browsers, Basic auth's password. */
function keyOf(req: Request): string | undefined {
  const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!basic) return presentedKey(req);
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1);
}

/**
 * Only the bootstrap key: the queue holds every tenant's jobs. The admin API's rate limits hold
 * here too, so the bootstrap key cannot be guessed through this door instead.
 */
function bootstrapKeyOnly(auth: AuthenticateAdminUseCase, limits: AdminRateLimits) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const check = async (): Promise<boolean> => {
      await limits.refuseGuessingClient(req);
      const principal = await auth.execute(keyOf(req));
      if (!principal) await limits.failedAuthentication(req);
      if (principal?.kind !== 'bootstrap') return false;
      await limits.countRequest(principal);
      return true;
    };
    check()
      .then((allowed) => {
        if (allowed) return next();
        res
          .status(401)
          .set('WWW-Authenticate', 'Basic realm="queues"')
          .json({ code: 'AUTH.UNAUTHORIZED', message: 'The bootstrap key is required.' });
      })
      .catch((error: unknown) => {
        if (!(error instanceof AdminRateLimited)) return next(error);
        res
          .status(error.getStatus())
          .set('Retry-After', String(error.retryAfterSeconds))
          .json(error.getResponse());
      });
  };
}

/**
 * bull-board for the `calendar-sync` queue at /admin/queues, behind the bootstrap key. Mounted
 * only when the sync runs on BullMQ (REDIS_URL set); answers whether it was mounted.
 */
export function mountQueueDashboard(app: INestApplication): boolean {
  const queues = app.get<DashboardQueues>(DASHBOARD_QUEUES, { strict: false });
  if (queues.length === 0) return false;
  const board = new ExpressAdapter();
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  // @bull-board/express carries its own patch release of @bull-board/api; the shapes agree.
  const serverAdapter = board as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'];
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter });
  const auth = app.get(AuthenticateAdminUseCase, { strict: false });
  const limits = app.get(AdminRateLimits, { strict: false });
  const dashboard = board.getRouter() as Express;
  // bull-board runs its own Express app, which would announce itself again after helmet.
  dashboard.disable('x-powered-by');
  app.use(QUEUE_DASHBOARD_PATH, bootstrapKeyOnly(auth, limits), dashboard);
  return true;
}
