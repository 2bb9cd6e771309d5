import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { isRefusedInput, MAX_INPUT_DEPTH, unsafeInputErrors } from './input-guards';

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

describe('unsafeInputErrors', () => {
  it('finds NUL characters per field, at any depth within the bound', () => {
    expect(unsafeInputErrors({ a: 'ok' }, { b: { c: ['x', 'y\u0000'] } })).toEqual({ 'b.c.1': [{ message: '不能包含空字符。', code: 'invalid' }] });
    expect(unsafeInputErrors({ a: 'ok' }, undefined, 'plain')).toBeUndefined();
  });

  it('refuses nesting deeper than the bound on the top-level field, without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unsafeInputErrors({ content: deep })).toEqual({ content: [{ message: `嵌套层级超过 ${MAX_INPUT_DEPTH} 层。`, code: 'invalid' }] });
    let ok: unknown = 'x';
    for (let i = 0; i < MAX_INPUT_DEPTH - 1; i++) ok = { k: ok };
    expect(unsafeInputErrors({ content: ok })).toBeUndefined();
  });
});
