import { pageOf } from './pagination';

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
});
