import fc from 'fast-check';
import { Service } from './service';
import { busy, free } from './service-segment';
import { PRICE_MAX_CENTS, priceOf, priceProblem } from './service-price';

describe('ServicePrice', () => {
  it.each`
    min          | max          | price
    ${null}      | ${null}      | ${null}
    ${4500}      | ${null}      | ${{ minCents: 4500, maxCents: 4500 }}
    ${null}      | ${6000}      | ${{ minCents: 6000, maxCents: 6000 }}
    ${4500}      | ${6000}      | ${{ minCents: 4500, maxCents: 6000 }}
    ${undefined} | ${undefined} | ${null}
  `('stored halves $min/$max make $price', ({ min, max, price }) => {
    expect(priceOf(min, max)).toEqual(price);
  });

  it.each`
    price                                               | problem
    ${{ minCents: 0, maxCents: 0 }}                     | ${undefined}
    ${{ minCents: 0, maxCents: PRICE_MAX_CENTS }}       | ${undefined}
    ${{ minCents: -1, maxCents: 100 }}                  | ${'prices must be whole cents between 0 and 10000000'}
    ${{ minCents: 100, maxCents: PRICE_MAX_CENTS + 1 }} | ${'prices must be whole cents between 0 and 10000000'}
    ${{ minCents: 45.5, maxCents: 100 }}                | ${'prices must be whole cents between 0 and 10000000'}
    ${{ minCents: NaN, maxCents: 100 }}                 | ${'prices must be whole cents between 0 and 10000000'}
    ${{ minCents: 6000, maxCents: 4500 }}               | ${'the highest price must not be below the lowest'}
  `('$price: $problem', ({ price, problem }) => {
    expect(priceProblem(price)).toBe(problem);
  });

  it('a service refuses any price outside the rules and keeps any inside', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (a, b) => {
        const made = Service.create({
          id: 's',
          name: 'Schnitt',
          durationMinutes: 30,
          price: { minCents: a, maxCents: b },
        });
        const fine = a >= 0 && b >= a && b <= PRICE_MAX_CENTS;
        expect(made.ok).toBe(fine);
        if (made.ok) expect(made.value.price).toEqual({ minCents: a, maxCents: b });
      }),
    );
  });

  it('a service keeps its description trimmed, refuses one over 300 characters', () => {
    const make = (description: string) =>
      Service.create({ id: 's', name: 'Schnitt', durationMinutes: 30, description });
    const kept = make('  Waschen und Schneiden  ');
    expect(kept.ok && kept.value.description).toBe('Waschen und Schneiden');
    const blank = make('   ');
    expect(blank.ok && blank.value.description).toBeNull();
    expect(make('x'.repeat(301)).ok).toBe(false);
  });

  it('counts the minutes a colour acts while the stylist is free', () => {
    const colour = Service.segmented({ id: 'f', name: 'Färben' }, [busy(30), free(35), busy(30)]);
    expect([colour.durationMinutes, colour.processingMinutes]).toEqual([95, 35]);
    expect(Service.simple({ id: 'c', name: 'Schnitt' }, 30).processingMinutes).toBe(0);
  });
});
