import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable, isRefusedInput } from './database-errors';

const dbError = (code: string) => Object.assign(new DatabaseError('refused', 1, 'error'), { code });

describe('isRefusedInput', () => {
  it('takes data exceptions (22) and integrity violations (23) from either driver path as bad input', () => {
    for (const code of ['22001', '22P02', '23514', '23503', '23505']) {
      expect([code, isRefusedInput(dbError(code))]).toEqual([code, true]);
      expect([code, isRefusedInput(new QueryFailedError('SELECT 1', [], dbError(code)))]).toEqual([code, true]);
    }
  });

  it('leaves everything else to the 500/503 paths', () => {
    for (const code of ['42P01', '57P01', '08006', '40001']) expect(isRefusedInput(dbError(code))).toBe(false);
    expect(isRefusedInput(Object.assign(new Error('x'), { code: '23514' }))).toBe(false);
  });
});

describe('isDatabaseUnavailable', () => {
  it('recognises a server that is gone, restarting or full, through TypeORM\'s wrapper too', () => {
    for (const code of ['57P01', '57P03', '53300', '08006']) expect([code, isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], dbError(code)))]).toEqual([code, true]);
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('leaves defects and refused input alone', () => {
    for (const code of ['23514', '22P02', '42P01']) expect(isDatabaseUnavailable(dbError(code))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x'))).toBe(false);
  });
});
