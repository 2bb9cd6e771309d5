import { computeSignature, isFresh, readSignatureParams, signatureMatches } from './signature';

describe('signature', () => {
  const token = '93b5f91eb56b8a4f8d96b7182920d68d';

  it('matches the brief vector', () => {
    expect(computeSignature('1537514281502', token)).toBe('8bd0ac475c5c60e46a358b3e6bcc49cf');
    expect(signatureMatches('8bd0ac475c5c60e46a358b3e6bcc49cf', '1537514281502', token)).toBe(true);
    expect(signatureMatches('8BD0AC475C5C60E46A358B3E6BCC49CF', '1537514281502', token)).toBe(true);
  });

  it('refuses a wrong or truncated hash', () => {
    expect(signatureMatches('8bd0ac475c5c60e46a358b3e6bcc49ce', '1537514281502', token)).toBe(false);
    expect(signatureMatches('8bd0ac', '1537514281502', token)).toBe(false);
    expect(signatureMatches('8bd0ac475c5c60e46a358b3e6bcc49cf', '1537514281503', token)).toBe(false);
  });

  it('checks freshness both ways, and 0 turns it off', () => {
    const now = 1_700_000_000_000;
    expect(isFresh(now - 299_000, now, 300)).toBe(true);
    expect(isFresh(now - 301_000, now, 300)).toBe(false);
    expect(isFresh(now + 301_000, now, 300)).toBe(false);
    expect(isFresh(1537514281502, now, 0)).toBe(true);
  });

  it('reads parameters and rejects malformed ones', () => {
    expect(readSignatureParams({ user_id: '1', timestamp: '1537514281502', rand_str: '8bd0ac475c5c60e46a358b3e6bcc49cf' })).toEqual({
      userId: 1,
      timestamp: '1537514281502',
      randStr: '8bd0ac475c5c60e46a358b3e6bcc49cf',
    });
    expect(readSignatureParams({ user_id: '1', timestamp: '1537514281502' })).toBeUndefined();
    expect(readSignatureParams({ user_id: 'x', timestamp: '1', rand_str: '8bd0ac475c5c60e46a358b3e6bcc49cf' })).toBeUndefined();
    expect(readSignatureParams(undefined)).toBeUndefined();
  });
});
