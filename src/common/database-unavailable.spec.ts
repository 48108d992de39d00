import { QueryFailedError } from 'typeorm';
import { databaseProblemOf, isDatabaseUnavailable } from './database-unavailable';

const coded = (message: string, code: string) => Object.assign(new Error(message), { code });
const viaTypeOrm = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

describe('isDatabaseUnavailable', () => {
  it.each([
    ['no free connection in time (pool)', new Error('timeout exceeded when trying to connect')],
    [
      'a new connection not open in time (pool)',
      new Error('Connection terminated due to connection timeout', {
        cause: new Error('Connection terminated unexpectedly'),
      }),
    ],
    ['no reply within query_timeout', viaTypeOrm(new Error('Query read timeout'))],
    ['connection lost under a query', viaTypeOrm(new Error('Connection terminated unexpectedly'))],
    ['server refuses connections', coded('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    [
      'statement_timeout',
      viaTypeOrm(coded('canceling statement due to statement timeout', '57014')),
    ],
    ['server shutting down', viaTypeOrm(coded('terminating connection', '57P01'))],
    ['too many connections', coded('sorry, too many clients already', '53300')],
    ['connection failure', coded('connection failure', '08006')],
  ])('yes: %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', viaTypeOrm(coded('duplicate key value', '23505'))],
    ['an exclusion violation', viaTypeOrm(coded('conflicting key value', '23P01'))],
    ['a bad value', viaTypeOrm(coded('invalid input syntax for type uuid', '22P02'))],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error', 'Query read timeout'],
    ['nothing', undefined],
  ])('no: %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('logs the driver’s words, not TypeORM’s statement', () => {
    const error = viaTypeOrm(new Error('Query read timeout'));
    expect(databaseProblemOf(error)).toBe('Query read timeout');
  });
});
