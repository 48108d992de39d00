import { SlotTaken } from '../availability/availability.errors';
import { CalendarTimeout } from '../calendar/calendar.errors';
import { DomainError, ThrownDomainError } from './domain-error';

describe('domain errors', () => {
  it('a refusal returned as a value stays a plain object, not an Error', () => {
    const refusal = new SlotTaken('appointment');
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toBeInstanceOf(SlotTaken);
    expect(refusal).not.toBeInstanceOf(Error);
    expect(refusal).not.toBeInstanceOf(ThrownDomainError);
  });

  it('a thrown one is an Error and a DomainError', () => {
    const thrown = new CalendarTimeout(5000);
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).toBeInstanceOf(ThrownDomainError);
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).not.toBeInstanceOf(SlotTaken);
  });

  it('other values are neither', () => {
    expect({ code: 'X', message: 'y' }).not.toBeInstanceOf(DomainError);
    expect(new Error('x')).not.toBeInstanceOf(DomainError);
    expect(null).not.toBeInstanceOf(DomainError);
  });
});
