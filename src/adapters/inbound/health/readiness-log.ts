import { Injectable, Logger } from '@nestjs/common';
import type { HealthCheckResult } from '@nestjs/terminus';

/** Which parts are down (not ready) and which only degrade the service, as one comparable state. */
export interface ReadinessState {
  readonly down: readonly string[];
  readonly degraded: readonly string[];
  /** Why each part is down, for the log only; a new reason alone is no change of state. */
  readonly reasons?: Readonly<Record<string, string>>;
}

const READY: ReadinessState = { down: [], degraded: [] };

/**
 * Probes come every few seconds from every orchestrator: a line per probe would bury the log.
 * One line is written when readiness changes (down, degraded, ready again), none while it stays.
 * The process starts assuming it is ready, so a healthy first probe writes nothing.
 */
@Injectable()
export class ReadinessLog {
  private readonly logger = new Logger('Readiness');
  private last: ReadinessState = READY;

  note(state: ReadinessState): void {
    if (sameState(state, this.last)) return;
    this.last = state;
    if (state.down.length > 0) {
      const down = state.down.map((part) => {
        const reason = state.reasons?.[part];
        return reason ? `${part} (${reason})` : part;
      });
      this.logger.error(`not ready, down: ${down.join(', ')}${degradedPart(state)}`);
    } else if (state.degraded.length > 0) {
      this.logger.warn(`ready${degradedPart(state)}`);
    } else {
      this.logger.log('ready again');
    }
  }
}

/** The parts of a terminus result that are down, and those up but marked degraded. */
export function readinessState(result: HealthCheckResult): ReadinessState {
  const details = result.details ?? {};
  const down = Object.keys(result.error ?? {}).sort();
  const reasons = Object.fromEntries(
    down
      .map((part) => [part, details[part]?.message] as const)
      .filter((entry): entry is readonly [string, string] => typeof entry[1] === 'string'),
  );
  return {
    down,
    reasons,
    degraded: Object.keys(details)
      .filter((key) => details[key]?.status === 'up' && details[key]?.degraded === true)
      .sort(),
  };
}

const degradedPart = (state: ReadinessState) =>
  state.degraded.length > 0 ? `; degraded: ${state.degraded.join(', ')}` : '';

const sameState = (a: ReadinessState, b: ReadinessState) =>
  a.down.join() === b.down.join() && a.degraded.join() === b.degraded.join();
