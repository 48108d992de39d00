import { calcomAnswerReason, MAX_REASON_CHARS } from './calcom-answer-reason';

describe("what is kept of a Cal.com answer's text", () => {
  it('keeps the status and a short reason from the error envelope', () => {
    expect(
      calcomAnswerReason(400, {
        status: 'error',
        error: { code: 'BadRequestException', message: 'eventTypeId must be a number' },
      }),
    ).toBe('Cal.com answered 400: eventTypeId must be a number');
    expect(calcomAnswerReason(422, { message: ['start must be a date', 'end too'] })).toBe(
      'Cal.com answered 422: start must be a date; end too',
    );
  });

  it('drops a body without a known field (HTML pages, metadata answers, other services)', () => {
    const html = `<html><body><h1>502</h1><pre>${'AKIAIOSFODNN7EXAMPLE '.repeat(100)}</pre></body></html>`;
    expect(calcomAnswerReason(502, undefined)).toBe('Cal.com answered 502');
    expect(calcomAnswerReason(200, { Code: 'Success', AccessKeyId: 'ASIA1234567890ABCDEF' })).toBe(
      'Cal.com answered 200',
    );
    expect(calcomAnswerReason(502, html)).toBe('Cal.com answered 502');
  });

  it('masks URLs, e-mail addresses, phone numbers, keys and markup, and cuts it short', () => {
    const reason = calcomAnswerReason(400, {
      status: 'error',
      error: {
        message:
          'Attendee <b>dana.schmidt@example.com</b> (+49 151 12345678) refused; see https://internal.example/debug?token=abc ' +
          'key cal_live_0123456789abcdef and bearer eyJhbGciOiJIUzI1NiJ9abcdef0123456789\u0007 ' +
          'x'.repeat(500),
      },
    });
    expect(reason).toMatch(/^Cal\.com answered 400: Attendee /);
    for (const secret of [
      'dana.schmidt',
      'example.com',
      '12345678',
      'internal.example',
      'token=abc',
      'cal_live',
      'eyJhbGci',
      '<b>',
      '\u0007',
    ]) {
      expect(reason).not.toContain(secret);
    }
    expect(reason.length).toBeLessThanOrEqual('Cal.com answered 400: '.length + MAX_REASON_CHARS);
  });
});
