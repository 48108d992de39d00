import { Writable } from 'node:stream';
import { RedactingLogger } from './redacting.logger';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, destination };
}

describe('RedactingLogger', () => {
  it('writes one JSON object per line with level, time, context and message', () => {
    const { lines, destination } = capture();
    const logger = new RedactingLogger({ destination });
    logger.log('service started', 'Bootstrap');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', context: 'Bootstrap', msg: 'service started' });
    expect(typeof lines[0].time).toBe('string');
  });

  it('masks phone numbers and e-mails inside messages, keeps dates and times', () => {
    const { lines, destination } = capture();
    const logger = new RedactingLogger({ destination });
    logger.warn('caller +49 151 12345678 (erika@example.org) wants 2026-12-04 14:30', 'Retell');
    expect(lines[0].msg).toBe('caller [redacted] ([redacted]) wants 2026-12-04 14:30');
  });

  it('redacts personal and secret keys of logged objects, however deep', () => {
    const { lines, destination } = capture();
    const logger = new RedactingLogger({ destination });
    logger.log({
      name: 'Erika',
      service: 'Dauerwelle',
      call: { from_number: '+4915112345678', deeper: { customer: { email: 'e@x.de' } } },
      headers: { 'x-retell-signature': 'v=1,d=abc', authorization: 'Bearer t0k3n' },
      apiKey: 'cal_live_secret',
    });
    const text = JSON.stringify(lines[0]);
    expect(text).not.toMatch(/Erika|4915112345678|e@x\.de|v=1,d=abc|t0k3n|cal_live_secret/);
    expect(text).toContain('Dauerwelle');
  });

  it('errors: stack and context separated, both scrubbed', () => {
    const { lines, destination } = capture();
    const logger = new RedactingLogger({ destination });
    const error = new Error('lookup of 030 1234567 failed');
    logger.error(error.message, error.stack, 'Lookup');
    expect(lines[0]).toMatchObject({ level: 'error', context: 'Lookup' });
    expect(JSON.stringify(lines[0])).not.toMatch(/030 1234567/);
    expect(String(lines[0].stack)).toMatch(/\n\s+at /);
  });

  it('respects the level', () => {
    const { lines, destination } = capture();
    const logger = new RedactingLogger({ destination, level: 'warn' });
    logger.log('quiet');
    logger.debug('quieter');
    logger.warn('loud');
    expect(lines.map((l) => l.msg)).toEqual(['loud']);
  });
});
