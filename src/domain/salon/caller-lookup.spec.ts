import { CallerLookup, lookUpCaller, RecognisableCustomer } from './caller-lookup';

const BERLIN = '+49301234567';
const anna: RecognisableCustomer = {
  id: 'c1',
  name: 'Anna Müller',
  phone: BERLIN,
  recognitionConsent: true,
};
const ben: RecognisableCustomer = {
  id: 'c2',
  name: 'Ben Müller',
  phone: BERLIN,
  recognitionConsent: true,
};
const carla: RecognisableCustomer = {
  id: 'c3',
  name: 'Carla Schmidt',
  phone: BERLIN,
  recognitionConsent: false,
};
const elsewhere: RecognisableCustomer = {
  id: 'c4',
  name: 'Dora',
  phone: '+49401234567',
  recognitionConsent: true,
};
const national: RecognisableCustomer = { ...anna, id: 'c5', phone: '030 1234567' };
const broken: RecognisableCustomer = { ...ben, id: 'c6', phone: 'unknown' };

type Expected = CallerLookup<RecognisableCustomer>;

describe('lookUpCaller', () => {
  it.each<[string, unknown, RecognisableCustomer[], Expected]>([
    [
      'one consenting customer',
      '+49 30 1234567',
      [anna],
      { kind: 'existing', phone: BERLIN, customer: anna },
    ],
    [
      'national format from the network',
      '030 1234567',
      [anna],
      { kind: 'existing', phone: BERLIN, customer: anna },
    ],
    ['0049 prefix', '0049 30 1234567', [anna], { kind: 'existing', phone: BERLIN, customer: anna }],
    [
      'number without plus',
      '49 30 1234567',
      [anna],
      { kind: 'existing', phone: BERLIN, customer: anna },
    ],
    [
      'stored in national format',
      BERLIN,
      [national],
      { kind: 'existing', phone: BERLIN, customer: national },
    ],
    [
      'the same record listed twice',
      BERLIN,
      [anna, anna],
      { kind: 'existing', phone: BERLIN, customer: anna },
    ],
    ['nobody under the number', BERLIN, [], { kind: 'new', phone: BERLIN }],
    ['only customers of other numbers', BERLIN, [elsewhere], { kind: 'new', phone: BERLIN }],
    ['stored number unusable', BERLIN, [broken], { kind: 'new', phone: BERLIN }],
    ['one customer without consent', BERLIN, [carla], { kind: 'new', phone: BERLIN }],
    [
      'two customers on one number',
      BERLIN,
      [anna, ben],
      { kind: 'ambiguous', phone: BERLIN, count: 2 },
    ],
    [
      'two, one without consent',
      BERLIN,
      [anna, carla],
      { kind: 'ambiguous', phone: BERLIN, count: 2 },
    ],
    [
      'three on one number',
      BERLIN,
      [anna, ben, carla],
      { kind: 'ambiguous', phone: BERLIN, count: 3 },
    ],
    [
      'two plus a stray one',
      BERLIN,
      [anna, elsewhere, ben],
      { kind: 'ambiguous', phone: BERLIN, count: 2 },
    ],
    ['anonymous caller', 'anonymous', [anna], { kind: 'anonymous' }],
    ['Twilio anonymous number', '+266696687', [anna], { kind: 'anonymous' }],
    ['withheld', 'withheld', [], { kind: 'anonymous' }],
    ['empty number', '', [anna], { kind: 'anonymous' }],
    ['no number at all', undefined, [anna], { kind: 'anonymous' }],
    ['garbage', '+49 30 CALL ME', [anna], { kind: 'anonymous' }],
  ])('%s', (_case, raw, customers, expected) => {
    expect(lookUpCaller(raw, customers)).toEqual(expected);
  });

  it('never names a customer when more than one could be calling', () => {
    const result = lookUpCaller(BERLIN, [anna, ben]);
    expect(JSON.stringify(result)).not.toMatch(/Anna|Ben/);
  });

  it('never exposes a customer who did not consent', () => {
    expect(JSON.stringify(lookUpCaller(BERLIN, [carla]))).not.toContain('Carla');
  });

  it('reads national numbers in the branch country', () => {
    const vienna: RecognisableCustomer = { ...anna, phone: '+4315123456' };
    expect(lookUpCaller('01 5123456', [vienna], 'AT')).toEqual({
      kind: 'existing',
      phone: '+4315123456',
      customer: vienna,
    });
  });
});
