import { Clock } from '../../../application/ports/clock.port';

/** FIXED_NOW: every "now" is the same instant, so demos and end-to-end runs are repeatable. */
export class FixedClock implements Clock {
  private readonly instant: number;

  constructor(instant: Date) {
    this.instant = instant.getTime();
  }

  now(): Date {
    return new Date(this.instant);
  }
}
