import { ArgumentsHost, Logger } from '@nestjs/common';
import { StoreRefusal, StoreRefusalCode } from '../../../application/ports/store-refusal.error';
import { AdminErrorFilter } from './admin-error.filter';

/** What the filter answers for `exception`: status and JSON body. */
function answerTo(exception: unknown): { status: number; body: unknown } {
  const sent = { status: 0, body: undefined as unknown };
  const response = {
    headersSent: false,
    setHeader: () => undefined,
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as ArgumentsHost;
  new AdminErrorFilter().catch(exception, host);
  return sent;
}

describe('AdminErrorFilter: what the database refused', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it.each<[StoreRefusalCode, number, string, string]>([
    ['STORE.TIME_TAKEN', 409, 'AVAILABILITY.SLOT_TAKEN', 'The stylist is busy at that time.'],
    ['STORE.DUPLICATE', 409, 'CONFLICT.DUPLICATE', 'Something with these values exists already.'],
    [
      'STORE.MISSING_REFERENCE',
      409,
      'CONFLICT.REFERENCE',
      'This refers to something that does not exist.',
    ],
    ['STORE.MALFORMED_VALUE', 400, 'REQUEST.INVALID', 'A value has the wrong form.'],
    ['STORE.MALFORMED_TIME', 400, 'REQUEST.INVALID', 'A date or time has the wrong form.'],
    ['STORE.TIME_OUT_OF_RANGE', 400, 'REQUEST.INVALID', 'A date or time is out of range.'],
    ['STORE.NUMBER_OUT_OF_RANGE', 400, 'REQUEST.INVALID', 'A number is out of range.'],
    ['STORE.VALUE_TOO_LONG', 400, 'REQUEST.INVALID', 'A value is too long.'],
  ])('answers %s with %i %s', (code, status, answerCode, message) => {
    expect(answerTo(new StoreRefusal(code, 'some_constraint'))).toEqual({
      status,
      body: { code: answerCode, message },
    });
  });

  it.each<StoreRefusalCode>(['STORE.RULE_BROKEN', 'STORE.BAD_VALUE', 'STORE.CONTENDED'])(
    'answers %s as an internal error, without detail',
    (code) => {
      expect(answerTo(new StoreRefusal(code))).toEqual({
        status: 500,
        body: { code: 'INTERNAL', message: 'Internal error.' },
      });
    },
  );

  it('answers a raw driver error, whatever its code, as an internal error', () => {
    const raw = Object.assign(new Error('duplicate key'), { code: '23505' });
    expect(answerTo(raw)).toEqual({
      status: 500,
      body: { code: 'INTERNAL', message: 'Internal error.' },
    });
  });
});
