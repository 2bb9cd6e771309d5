import type { ExecutionContext } from '@nestjs/common';
import { RouteMemo } from './route-memo';

const contextOf = (cls: object, handler: object) => ({ getClass: () => cls, getHandler: () => handler }) as unknown as ExecutionContext;

describe('RouteMemo', () => {
  it('reads a route once, and an inherited handler again for the subclass', () => {
    class Parent {
      get(): void {}
    }
    class Child extends Parent {}
    const reads: string[] = [];
    const memo = new RouteMemo(([handler, cls]) => {
      reads.push(`${cls.name}.${handler.name}`);
      return cls === Child ? 'child' : 'parent';
    });
    const handler = Parent.prototype.get;
    expect([memo.of(contextOf(Parent, handler)), memo.of(contextOf(Parent, handler))]).toEqual(['parent', 'parent']);
    expect(memo.of(contextOf(Child, handler))).toBe('child');
    expect(reads).toEqual(['Parent.get', 'Child.get']);
  });

  it('remembers an undefined answer too', () => {
    let reads = 0;
    const memo = new RouteMemo(() => (reads++, undefined));
    class C {
      h(): void {}
    }
    memo.of(contextOf(C, C.prototype.h));
    memo.of(contextOf(C, C.prototype.h));
    expect(reads).toBe(1);
  });
});
