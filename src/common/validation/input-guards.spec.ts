import { MAX_INPUT_DEPTH, unsafeInputErrors } from './input-guards';

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
