import { findDuplicateStaff, normaliseName } from './duplicate-staff';

describe('normaliseName', () => {
  it.each([
    ['Jürgen Müller', 'juergen mueller'],
    ['  JUERGEN   mueller ', 'juergen mueller'],
    ['Grüße-Weiß', 'gruesse weiss'],
    ['Zoë', 'zoe'],
    ['Anna\tMaria', 'anna maria'],
  ])('%s → %s', (name, key) => expect(normaliseName(name)).toBe(key));
});

describe('findDuplicateStaff', () => {
  const person = (id: string, name: string, email: string | null = null, users: string[] = []) => ({
    id,
    name,
    email,
    branchId: 'b',
    active: true,
    calcomUserIds: users,
  });

  it('groups by name, e-mail and Cal.com user; singles are no group', () => {
    const groups = findDuplicateStaff([
      person('1', 'Jürgen'),
      person('2', 'juergen'),
      person('3', 'Sabine', 'S@x.de'),
      person('4', 'Bine', 's@x.de ', ['7']),
      person('5', 'Tom', null, ['7']),
      person('6', 'Alone'),
    ]);
    expect(groups.map((g) => [g.reason, g.staff.map((s) => s.id)])).toEqual([
      ['name', ['1', '2']],
      ['email', ['3', '4']],
      ['calcom_user', ['4', '5']],
    ]);
  });
});
