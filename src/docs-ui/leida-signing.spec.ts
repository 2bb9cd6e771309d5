import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';

/** The browser signing script, loaded the way a page loads it (a plain script, no modules). */
function loadSigning() {
  const context: Record<string, unknown> = { TextEncoder, URL, URLSearchParams };
  runInNewContext(readFileSync(`${process.cwd()}/src/docs-ui/leida-signing.js`, 'utf8'), context);
  return context.LeidaSigning as {
    md5(text: string): string;
    signature(userId: number | string, token: string, timestampMs?: number): { user_id: string; timestamp: string; rand_str: string };
    signUrl(url: string, credential: { user_id: string; token: string }, timestampMs?: number): string;
    surfaceOfPath(path: string): string | null;
  };
}

describe('browser signing script (src/docs-ui/leida-signing.js)', () => {
  const signing = loadSigning();
  const nodeMd5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

  it('signs the brief vector: token 93b5…68d at 1537514281502 gives 8bd0ac47…49cf', () => {
    expect(signing.md5('1537514281502' + '93b5f91eb56b8a4f8d96b7182920d68d')).toBe('8bd0ac475c5c60e46a358b3e6bcc49cf');
    expect(signing.signature(1, '93b5f91eb56b8a4f8d96b7182920d68d', 1537514281502)).toEqual({
      user_id: '1',
      timestamp: '1537514281502',
      rand_str: '8bd0ac475c5c60e46a358b3e6bcc49cf',
    });
  });

  it('matches node:crypto MD5 at every padding boundary and on UTF-8 text', () => {
    for (let n = 0; n <= 130; n++) {
      const text = 'a1'.repeat(n).slice(0, n);
      expect(signing.md5(text)).toBe(nodeMd5(text));
    }
    for (const text of ['', '张聪觉得您非常靠谱', '胡蓉💗Rose', 'x'.repeat(1000)]) expect(signing.md5(text)).toBe(nodeMd5(text));
  });

  it('sets the three parameters on a URL, replacing stale ones and keeping the others', () => {
    const url = signing.signUrl('http://h/zhugeleida/qiyeweixin/tongxunlu?order=-expedted_pr&timestamp=1&rand_str=x', { user_id: '7', token: 'ab'.repeat(16) }, 1000);
    const q = new URL(url).searchParams;
    expect(q.get('order')).toBe('-expedted_pr');
    expect(q.get('user_id')).toBe('7');
    expect(q.get('timestamp')).toBe('1000');
    expect(q.get('rand_str')).toBe(nodeMd5('1000' + 'ab'.repeat(16)));
  });

  it('knows which surface a path belongs to', () => {
    expect(signing.surfaceOfPath('/zhugeleida/gongzhonghao/chat/query_num/0')).toBe('customer');
    expect(signing.surfaceOfPath('/zhugeleida/xiaochengxu/chat/query_num/0')).toBe('customer');
    expect(signing.surfaceOfPath('/zhugeleida/qiyeweixin/tongxunlu')).toBe('rep');
    expect(signing.surfaceOfPath('/docs-json')).toBeNull();
  });
});
