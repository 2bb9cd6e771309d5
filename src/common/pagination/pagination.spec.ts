import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { pageOf, PageQueryDto } from './pagination';

describe('pageOf', () => {
  it('defaults to the endpoint length and page 1', () => {
    expect(pageOf({}, 20)).toEqual({ offset: 0, limit: 20 });
  });
  it('computes the offset of later pages', () => {
    expect(pageOf({ current_page: 3, length: 10 }, 20)).toEqual({ offset: 20, limit: 10 });
  });
  it('treats length 0 as all, capped at 1000', () => {
    expect(pageOf({ current_page: 5, length: 0 }, 20)).toEqual({ offset: 0, limit: 1000 });
  });
  it('refuses pages and lengths out of range', () => {
    const errors = (q: object) => validateSync(plainToInstance(PageQueryDto, q)).map((e) => e.property);
    expect(errors({ current_page: '0', length: '101' })).toEqual(['current_page', 'length']);
    expect(errors({ current_page: '2', length: '0' })).toEqual([]);
  });
  it('bounds the offset, so a page far past the end is empty rather than an SQL overflow', () => {
    expect(pageOf({ current_page: 1e18, length: 10 }, 10)).toEqual({ offset: 2 ** 31, limit: 10 });
  });
});
