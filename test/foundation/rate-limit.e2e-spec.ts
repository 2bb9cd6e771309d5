import { TestApp } from '../support/test-app';

describe('rate limiting', () => {
  it('answers 429 with the envelope past the per-IP limit, and never limits /health', async () => {
    const t = await TestApp.start({ rateLimitPerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await t.request('GET', '/docs-json')).status);
      expect(codes).toEqual([200, 200, 200, 429]);
      const limited = await t.request('GET', '/docs-json');
      expect(limited.status).toBe(429);
      expect(limited.body).toEqual({ code: 429, msg: '请求过于频繁', data: {} });
      expect((await t.request('GET', '/health')).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
