import { closestName, unknownFieldProblem } from './closest-name';

describe('closestName', () => {
  const branchFields = ['key', 'name', 'timeZone', 'phoneNumbers', 'openingHours', 'closedDates'];

  it.each([
    ['closedDate', 'closedDates'],
    ['closeddates', 'closedDates'],
    ['timezone', 'timeZone'],
    ['openingHuors', 'openingHours'],
    ['nmae', 'name'],
    ['phoneNumber', 'phoneNumbers'],
  ])('%s → %s', (typo, meant) => {
    expect(closestName(typo, branchFields)).toBe(meant);
  });

  it.each(['isAdmin', 'colour', 'x', '__proto__'])('suggests nothing for %s', (stranger) => {
    expect(closestName(stranger, branchFields)).toBeUndefined();
  });

  it('words the problem like the admin validation, with the suggestion', () => {
    expect(unknownFieldProblem('closedDate', branchFields)).toBe(
      'property closedDate should not exist; did you mean "closedDates"?',
    );
    expect(unknownFieldProblem('isAdmin', branchFields)).toBe('property isAdmin should not exist');
  });
});
