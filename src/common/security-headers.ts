import { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/** Answers that carry personal data or tenants' jobs: the admin and Retell APIs, the queues. */
const PRIVATE_ANSWERS = ['/api', '/admin'];

/**
 * helmet's headers on every answer (no X-Powered-By, nosniff, a strict CSP), with two choices
 * of ours: no page may be framed (the queue dashboard has buttons), and http subresources are
 * not upgraded, so /docs still loads where the service is reached over plain http inside a
 * network. Swagger UI and bull-board load their scripts from their own origin; their inline
 * styles and Google's fonts are within helmet's default CSP.
 *
 * Private answers are never stored by a browser or a proxy: helmet no longer sets
 * Cache-Control, so that one header is ours.
 */
export function applySecurityHeaders(app: INestApplication): void {
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { frameAncestors: ["'none'"], upgradeInsecureRequests: null },
      },
      frameguard: { action: 'deny' },
    }),
  );
  app.use(PRIVATE_ANSWERS, (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
}
