import pino from 'pino';
import { jest } from '@jest/globals';
import { LazyRequestLogger, redactUrl } from './logging';

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

describe('LazyRequestLogger', () => {
  function parentAt(level: string) {
    const lines: Record<string, unknown>[] = [];
    const parent = pino({ level }, { write: (s: string) => lines.push(JSON.parse(s)) });
    const child = jest.spyOn(parent, 'child');
    return { parent, lines, child };
  }

  it('makes no child for a request that writes nothing at the level', () => {
    const { parent, child } = parentAt('info');
    const log = new LazyRequestLogger(parent, { reqId: 'r1' }, {});
    log.debug({ a: 1 }, 'not written');
    expect(log.isLevelEnabled('debug')).toBe(false);
    expect(log.level).toBe('info');
    expect(child).not.toHaveBeenCalled();
  });

  it('writes with the request id through one child made on first use', () => {
    const { parent, lines, child } = parentAt('info');
    const log = new LazyRequestLogger(parent, { reqId: 'r2' }, {});
    log.warn({ a: 1 }, 'first');
    log.error('second');
    expect(child).toHaveBeenCalledTimes(1);
    expect(lines.map((l) => [l.reqId, l.msg])).toEqual([['r2', 'first'], ['r2', 'second']]);
  });
});
