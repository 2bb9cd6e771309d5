import { PrincipalCache } from './principal-cache';

describe('PrincipalCache', () => {
  const record = (id: number) => ({ id, companyId: 1, token: 't'.repeat(32), disabled: false });

  it('serves an entry until its TTL ends', () => {
    let now = 1_000;
    const cache = new PrincipalCache(5_000, 10, () => now);
    cache.set('rep', record(1));
    expect(cache.get('rep', 1)).toEqual(record(1));
    expect(cache.get('customer', 1)).toBeUndefined();
    now += 4_999;
    expect(cache.get('rep', 1)).toEqual(record(1));
    now += 1;
    expect(cache.get('rep', 1)).toBeUndefined();
  });

  it('drops an entry on its notification key, and everything on clear', () => {
    const cache = new PrincipalCache(5_000);
    cache.set('customer', record(7));
    cache.set('rep', record(7));
    cache.invalidate('customer:7');
    expect(cache.get('customer', 7)).toBeUndefined();
    expect(cache.get('rep', 7)).toBeDefined();
    cache.clear();
    expect(cache.get('rep', 7)).toBeUndefined();
  });

  it('does not cache a lookup that a change overtook', () => {
    const cache = new PrincipalCache(5_000);
    const version = cache.version;
    cache.invalidate('rep:1'); // the NOTIFY arrives while the lookup is in flight
    cache.set('rep', record(1), version);
    expect(cache.get('rep', 1)).toBeUndefined();
    cache.set('rep', record(1), cache.version);
    expect(cache.get('rep', 1)).toBeDefined();
  });

  it('is off with a TTL of 0 and stays within its bound', () => {
    const off = new PrincipalCache(0);
    off.set('rep', record(1));
    expect(off.get('rep', 1)).toBeUndefined();
    const small = new PrincipalCache(5_000, 2);
    small.set('rep', record(1));
    small.set('rep', record(2));
    small.set('rep', record(3));
    expect(small.size).toBe(2);
    expect(small.get('rep', 1)).toBeUndefined();
    expect(small.get('rep', 3)).toBeDefined();
  });
});
