/** A half-open interval [start, end) of instants: back-to-back ranges do not overlap. */
export class TimeRange {
  private constructor(
    readonly start: Date,
    readonly end: Date,
  ) {}

  static of(start: Date, end: Date): TimeRange {
    if (!(end.getTime() > start.getTime())) {
      throw new RangeError(
        `TimeRange end must be after start (${start.toISOString()} .. ${end.toISOString()})`,
      );
    }
    return new TimeRange(new Date(start.getTime()), new Date(end.getTime()));
  }

  /** From epoch milliseconds, as stored intervals arrive: no intermediate dates to copy. */
  static ofMs(startMs: number, endMs: number): TimeRange {
    if (!(endMs > startMs)) {
      throw new RangeError(`TimeRange end must be after start (${startMs} .. ${endMs})`);
    }
    return new TimeRange(new Date(startMs), new Date(endMs));
  }

  static fromMinutes(start: Date, minutes: number): TimeRange {
    return TimeRange.of(start, new Date(start.getTime() + minutes * 60_000));
  }

  get startMs(): number {
    return this.start.getTime();
  }

  get endMs(): number {
    return this.end.getTime();
  }

  get minutes(): number {
    return (this.endMs - this.startMs) / 60_000;
  }

  overlaps(other: TimeRange): boolean {
    return this.startMs < other.endMs && other.startMs < this.endMs;
  }

  contains(other: TimeRange): boolean {
    return this.startMs <= other.startMs && other.endMs <= this.endMs;
  }

  containsInstant(instant: Date): boolean {
    const t = instant.getTime();
    return this.startMs <= t && t < this.endMs;
  }

  shift(minutes: number): TimeRange {
    return TimeRange.of(
      new Date(this.startMs + minutes * 60_000),
      new Date(this.endMs + minutes * 60_000),
    );
  }

  equals(other: TimeRange): boolean {
    return this.startMs === other.startMs && this.endMs === other.endMs;
  }

  toString(): string {
    return `[${this.start.toISOString()}, ${this.end.toISOString()})`;
  }
}
