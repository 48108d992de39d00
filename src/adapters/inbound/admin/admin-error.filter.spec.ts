import { ArgumentsHost, Logger } from '@nestjs/common';
import { StoreRefusal, StoreRefusalCode } from '../../../application/ports/store-refusal.error';
import { NotFound } from '../../../application/admin/admin.errors';
import {
  IllegalStatusTransition,
  ServiceMismatch,
} from '../../../domain/appointment/appointment.errors';
import {
  InThePast,
  OutsideWorkingHours,
  SlotTaken,
} from '../../../domain/availability/availability.errors';
import { InvalidHours, InvalidStaff } from '../../../domain/salon/salon.errors';
import { DomainError } from '../../../domain/shared/domain-error';
import { AdminErrorFilter } from './admin-error.filter';
import { AdminRefusal } from './admin-refusal';

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

describe('AdminErrorFilter: refusals of the domain and of the admin API', () => {
  // The domain's refusals are answered in English like every other admin answer.
  const cases: Array<[DomainError, number, Record<string, unknown>]> = [
    [
      new SlotTaken('appointment'),
      409,
      { code: 'AVAILABILITY.SLOT_TAKEN', message: 'The time is taken (appointment).' },
    ],
    [
      new SlotTaken('absence'),
      409,
      {
        code: 'AVAILABILITY.SLOT_TAKEN',
        message: 'The stylist is away at that time.',
      },
    ],
    [
      new InThePast(),
      422,
      {
        code: 'AVAILABILITY.IN_THE_PAST',
        message: 'The start lies in the past.',
      },
    ],
    [
      new OutsideWorkingHours(),
      422,
      {
        code: 'AVAILABILITY.OUTSIDE_WORKING_HOURS',
        message: 'The stylist does not work at that time.',
      },
    ],
    [
      new IllegalStatusTransition('cancelled', 'cancel'),
      409,
      {
        code: 'APPOINTMENT.ILLEGAL_STATUS_TRANSITION',
        message: 'Status cancelled does not allow cancel.',
      },
    ],
    [
      new ServiceMismatch('s1', 's2'),
      400,
      {
        code: 'APPOINTMENT.SERVICE_MISMATCH',
        message: 'A move keeps the service; another service is a new appointment.',
      },
    ],
    [
      new InvalidStaff('an absence must end after it starts'),
      400,
      {
        code: 'SALON.INVALID_STAFF',
        message: 'The stylist is not valid.',
        detail: 'an absence must end after it starts',
      },
    ],
    [
      new InvalidHours('from must lie before to'),
      400,
      {
        code: 'SALON.INVALID_HOURS',
        message: 'The opening or working hours are not valid.',
        detail: 'from must lie before to',
      },
    ],
    [new NotFound('STAFF'), 404, { code: 'STAFF.NOT_FOUND', message: 'No such staff.' }],
  ];

  it.each(cases.map(([refusal, status, body]) => [refusal.code, status, refusal, body] as const))(
    'answers %s with %i and its sentence',
    (_code, status, refusal, body) => {
      expect(answerTo(new AdminRefusal(refusal))).toEqual({ status, body });
    },
  );
});
