import { redactUrl } from './logging';

describe('redactUrl', () => {
  it('removes signatures and tokens but keeps the rest', () => {
    expect(redactUrl('/x?user_id=1&timestamp=2&rand_str=8bd0ac475c5c60e46a358b3e6bcc49cf&u_id=3')).toBe(
      '/x?user_id=1&timestamp=2&rand_str=[redacted]&u_id=3',
    );
    expect(redactUrl('/x?rand_str=abc')).toBe('/x?rand_str=[redacted]');
    expect(redactUrl('/ws?token=93b5f91eb56b8a4f8d96b7182920d68d')).toBe('/ws?token=[redacted]');
    expect(redactUrl('/health')).toBe('/health');
  });

  it('judges each parameter by its decoded name, as the guard reads it', () => {
    expect(redactUrl('/x?user_id=1&rand%5Fstr=8bd0ac475c5c60e46a358b3e6bcc49cf')).toBe('/x?user_id=1&rand%5Fstr=[redacted]');
    expect(redactUrl('/x?RAND_STR=abc&%74oken=def&u_id=3')).toBe('/x?RAND_STR=[redacted]&%74oken=[redacted]&u_id=3');
    // A name that cannot be decoded could be anything: redacted too.
    expect(redactUrl('/x?rand%zz=abc&u_id=%zz')).toBe('/x?rand%zz=[redacted]&u_id=%zz');
  });
});
