import { AdminRefusal } from './admin-refusal';
import { RefuseControlCharactersPipe } from './refuse-control-characters.pipe';

describe('RefuseControlCharactersPipe', () => {
  const pipe = new RefuseControlCharactersPipe();
  const fieldsOf = (body: unknown): unknown => {
    try {
      pipe.transform(body);
    } catch (error) {
      if (!(error instanceof AdminRefusal)) throw error;
      return (error.refusal as unknown as { details: { fields: unknown } }).details.fields;
    }
    return 'passed';
  };

  it('lets tabs, line breaks and any other text through unchanged', () => {
    const body = { note: 'Zeile 1\n\tZeile 2\r\n', name: 'Zoë 😀 <b>', n: 3, none: null };
    expect(pipe.transform(body)).toBe(body);
  });

  it('names every field with NUL or another C0 control, however deep, keys too', () => {
    expect(
      fieldsOf({
        name: 'Anna\u0000',
        openingHours: { mon: [{ from: '09:00', to: '\u001b[2J' }] },
        tags: ['ok', '\u0007'],
        ['bad\u0001key']: 1,
      }),
    ).toEqual([
      { field: 'name', problems: ['name must not contain control characters'] },
      {
        field: 'openingHours.mon.0.to',
        problems: ['openingHours.mon.0.to must not contain control characters'],
      },
      { field: 'tags.1', problems: ['tags.1 must not contain control characters'] },
      { field: 'bad\\u0001key', problems: ['field names must not contain control characters'] },
    ]);
  });

  it('a body that is itself a string with a control character is refused too', () => {
    expect(fieldsOf('x\u0000')).toEqual([
      { field: '(body)', problems: ['(body) must not contain control characters'] },
    ]);
  });
});
