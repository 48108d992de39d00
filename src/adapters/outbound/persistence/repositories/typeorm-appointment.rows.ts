import { BusyKind } from '../../../../domain/availability/busy-interval';

/** `busy_text(…) AS busy`: the stylists' busy time as compact text (see compact-busy-text). */
export interface BusyTextRow {
  busy: string | null;
}

/** The kind of a block in the way of a write the no-overlap constraint refused. */
export interface BusyKindRow {
  kind: BusyKind;
}
