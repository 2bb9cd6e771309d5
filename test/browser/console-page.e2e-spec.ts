import type { Browser } from 'playwright-core';
import { DEMO_FIXTURE } from '../../src/modules/seed/demo-fixture';
import { artifactPath, describeWithBrowser, launchChromium } from '../support/browser';
import { TestApp } from '../support/test-app';

/**
 * The console page and the browser files it shares with Swagger UI. (The two-pane chat itself
 * is test/browser/console-chat.pending.ts: it needs the chat, contacts and radar modules.)
 */
describeWithBrowser('QA console page (/console) and the shared browser files', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    t = await TestApp.start();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('serves the page and its files without a signature, with their content types', async () => {
    const page = await t.request('GET', '/console');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('<script src="/console/assets/leida-signing.js"></script>');
    for (const [file, type] of [
      ['leida-signing.js', 'text/javascript; charset=utf-8'],
      ['console.js', 'text/javascript; charset=utf-8'],
      ['swagger-signing.js', 'text/javascript; charset=utf-8'],
      ['console.css', 'text/css; charset=utf-8'],
      ['swagger-signing.css', 'text/css; charset=utf-8'],
    ]) {
      const res = await t.request('GET', `/console/assets/${file}`);
      expect([file, res.status, res.headers['content-type']]).toEqual([file, 200, type]);
    }
  });

  it('answers the not-found envelope for any other file name (no path traversal)', async () => {
    for (const path of ['/console/assets/secret.js', '/console/assets/..%2F..%2Fpackage.json', '/console/assets/docs-ui.controller.ts', '/console/assets/constructor']) {
      const res = await t.request('GET', path);
      expect([path, res.status, res.body]).toEqual([path, 200, { code: 404, msg: '接口不存在', data: {} }]);
    }
  });

  it('Swagger UI loads the same signing script as the console', async () => {
    const docs = await t.request('GET', '/docs');
    expect(docs.text).toContain("<script src='/console/assets/leida-signing.js'></script>");
    expect(docs.text).toContain("<script src='/console/assets/swagger-signing.js'></script>");
  });

  it('lists the demo principals for the presets', async () => {
    const res = await t.request('GET', '/console/demo-principals.json');
    const reps = DEMO_FIXTURE.reps as Array<{ id: number; token: string }>;
    const customers = DEMO_FIXTURE.customers as Array<{ id: number; token: string }>;
    expect(res.body.reps.map((r: { user_id: number; token: string }) => [r.user_id, r.token])).toEqual(reps.map((r) => [r.id, r.token]));
    expect(res.body.customers.map((c: { user_id: number; token: string }) => [c.user_id, c.token])).toEqual(customers.map((c) => [c.id, c.token]));
  });

  it('opens in Chromium prefilled with the demo customer and rep, and signs with the brief vector', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await page.goto(`${baseUrl}/console`);
      const customer = (DEMO_FIXTURE.customers as Array<{ id: number; token: string }>)[0];
      const rep = (DEMO_FIXTURE.reps as Array<{ id: number; token: string }>)[0];
      await page.locator('#customer-pane .preset option').nth(1).waitFor({ state: 'attached' });
      expect(await page.inputValue('#customer-pane .user-id')).toBe(String(customer.id));
      expect(await page.inputValue('#customer-pane .token')).toBe(customer.token);
      expect(await page.inputValue('#customer-pane .peer')).toBe(String(rep.id));
      expect(await page.inputValue('#rep-pane .user-id')).toBe(String(rep.id));
      expect(await page.inputValue('#rep-pane .token')).toBe(rep.token);
      expect(await page.inputValue('#rep-pane .peer')).toBe(String(customer.id));
      // MD5 computed by the page itself (the shared signing script), on the brief's vector.
      const vector = await page.evaluate('LeidaSigning.signature(1, "93b5f91eb56b8a4f8d96b7182920d68d", 1537514281502)');
      expect(vector).toEqual({ user_id: '1', timestamp: '1537514281502', rand_str: '8bd0ac475c5c60e46a358b3e6bcc49cf' });
      await page.screenshot({ path: artifactPath('console-page.png') });
    } finally {
      await page.close();
    }
  });
});
