import { parseOrder } from './ordering';

describe('parseOrder', () => {
  const whitelist = { expedted_pr: 'r.expected_pr', create_date: 'r.created_at' };
  it('maps -field to descending and field to ascending', () => {
    expect(parseOrder('-expedted_pr', whitelist)).toEqual({ column: 'r.expected_pr', direction: 'DESC' });
    expect(parseOrder('create_date', whitelist)).toEqual({ column: 'r.created_at', direction: 'ASC' });
  });
  it('refuses anything off the whitelist, including prototype keys and injection', () => {
    expect(parseOrder('-constructor', whitelist)).toBeUndefined();
    expect(parseOrder('id; drop table x', whitelist)).toBeUndefined();
    expect(parseOrder('', whitelist)).toBeUndefined();
  });
});
