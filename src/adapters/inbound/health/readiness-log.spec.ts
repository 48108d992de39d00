import { Logger } from '@nestjs/common';
import { ReadinessLog, readinessState } from './readiness-log';

describe('ReadinessLog', () => {
  const written: string[] = [];
  beforeEach(() => {
    written.length = 0;
    for (const level of ['log', 'warn', 'error'] as const)
      jest
        .spyOn(Logger.prototype, level)
        .mockImplementation(
          (...args: unknown[]) => void written.push(`${level}: ${String(args[0])}`),
        );
  });
  afterEach(() => jest.restoreAllMocks());

  it('writes one line per change of state, none while it stays', () => {
    const log = new ReadinessLog();
    const ready = { down: [], degraded: [] };
    const redisAway = { down: [], degraded: ['redis'] };
    const databaseAway = {
      down: ['database'],
      degraded: ['redis'],
      reasons: { database: 'timeout' },
    };
    const stillAway = { ...databaseAway, reasons: { database: 'connect ECONNREFUSED' } };
    for (const state of [ready, ready, redisAway, redisAway, databaseAway, stillAway, ready])
      log.note(state);
    expect(written).toEqual([
      'warn: ready; degraded: redis',
      'error: not ready, down: database (timeout); degraded: redis',
      'log: ready again',
    ]);
  });

  it('reads down and degraded parts from a terminus result', () => {
    expect(
      readinessState({
        status: 'error',
        error: { database: { status: 'down', message: 'connect ECONNREFUSED' } },
        details: {
          database: { status: 'down', message: 'connect ECONNREFUSED' },
          redis: { status: 'up', degraded: true },
          calendar: { status: 'up', degraded: false },
        },
      }),
    ).toEqual({
      down: ['database'],
      degraded: ['redis'],
      reasons: { database: 'connect ECONNREFUSED' },
    });
  });
});
