import type { Browser, Page } from 'playwright-core';
import { artifactPath, describeWithBrowser, launchChromium } from '../support/browser';
import type { Type } from '@nestjs/common';
import { Signer, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/world';

/** An operation QA executes in Swagger UI, found by method and path (independent of tags and ids). */
interface Operation {
  method: 'get' | 'post';
  path: string;
  /** Values typed into the operation's parameter fields. */
  params: (w: World) => Record<string, string | number>;
}

// The operations the issue names: the customer `query_num` and the rep `tongxunlu`.
const CUSTOMER_OPERATION: Operation = { method: 'get', path: '/zhugeleida/gongzhonghao/chat/query_num/0', params: (w) => ({ u_id: w.reps[0].id }) };
const REP_OPERATION: Operation = { method: 'get', path: '/zhugeleida/qiyeweixin/tongxunlu', params: () => ({}) };
const EXTRA_MODULES: Type[] = [];

describeWithBrowser('Swagger UI at /docs signs "Try it out" requests itself', () => {
  let t: TestApp;
  let world: World;
  let baseUrl: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    t = await TestApp.start({}, EXTRA_MODULES);
    world = await createWorld(t);
    await t.app.listen(0, '127.0.0.1');
    baseUrl = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${baseUrl}/docs`);
    await page.locator('.swagger-ui .opblock').first().waitFor();
  });
  afterEach(async () => page?.close());

  async function authorize(surface: 'customer' | 'rep', who: Signer) {
    await page.selectOption('#leida-surface', surface);
    await page.fill('#leida-user-id', String(who.id));
    await page.fill('#leida-token', who.token);
    await page.click('#leida-authorize');
    await expectStatus(`${surface}: user ${who.id} ✓`);
  }

  async function expectStatus(text: string) {
    await page.locator('#leida-auth-status', { hasText: text }).waitFor();
  }

  /** Opens the operation, fills its parameters, executes it; returns the live response. */
  async function execute(op: Operation) {
    const block = page.locator(`.opblock.opblock-${op.method}`, { has: page.locator(`.opblock-summary-path[data-path="${op.path}"]`) });
    await block.locator('.opblock-summary').first().click();
    const tryOut = block.locator('button.try-out__btn');
    if ((await tryOut.textContent())?.includes('Try it out')) await tryOut.click();
    for (const [name, value] of Object.entries(op.params(world))) await block.locator(`tr[data-param-name="${name}"] input`).fill(String(value));
    await block.locator('button.execute').click();
    const status = block.locator('.live-responses-table tr.response .response-col_status').first();
    await status.waitFor();
    const body = await block.locator('.live-responses-table .response-col_description pre.microlight').first().textContent();
    const requestUrl = (await block.locator('.request-url pre').first().textContent()) ?? '';
    await block.scrollIntoViewIfNeeded();
    return { block, httpStatus: (await status.textContent())?.trim(), envelope: JSON.parse(body ?? 'null'), requestUrl };
  }

  it('authorizes a seeded customer once and executes a customer operation with code 200', async () => {
    await authorize('customer', world.customers[0]);
    const res = await execute(CUSTOMER_OPERATION);
    await page.screenshot({ path: artifactPath('swagger-customer-200.png'), fullPage: false });
    expect(res.httpStatus).toBe('200');
    expect(res.envelope.code).toBe(200);
    const url = new URL(res.requestUrl);
    expect(url.searchParams.get('user_id')).toBe(String(world.customers[0].id));
    expect(url.searchParams.get('rand_str')).toMatch(/^[0-9a-f]{32}$/);
    expect(Math.abs(Number(url.searchParams.get('timestamp')) - Date.now())).toBeLessThan(60_000);
    expect(res.requestUrl).not.toContain(world.customers[0].token);
  });

  it('authorizes a seeded rep and executes a rep operation with code 200', async () => {
    await authorize('rep', world.reps[0]);
    const res = await execute(REP_OPERATION);
    await page.screenshot({ path: artifactPath('swagger-rep-200.png'), fullPage: false });
    expect(res.httpStatus).toBe('200');
    expect(res.envelope.code).toBe(200);
    expect(new URL(res.requestUrl).searchParams.get('user_id')).toBe(String(world.reps[0].id));
  });

  it('signs each surface with its own principal and stops signing after log out', async () => {
    await authorize('customer', world.customers[1]);
    await authorize('rep', world.reps[1]);
    await expectStatus(`customer: user ${world.customers[1].id} ✓ · rep: user ${world.reps[1].id} ✓`);
    const asCustomer = await execute(CUSTOMER_OPERATION);
    expect(asCustomer.envelope.code).toBe(200);
    expect(new URL(asCustomer.requestUrl).searchParams.get('user_id')).toBe(String(world.customers[1].id));

    await page.selectOption('#leida-surface', 'customer');
    await page.click('#leida-logout');
    await expectStatus('customer: not signed in');
    await asCustomer.block.locator('button.execute').click();
    await asCustomer.block.locator('.live-responses-table pre.microlight', { hasText: 'missing_params' }).waitFor();
  });

  it('keeps the token in the browser tab only', async () => {
    await authorize('customer', world.customers[2]);
    const stored = await page.evaluate('sessionStorage.getItem("leida.credentials")') as string | null;
    expect(JSON.parse(stored ?? 'null')).toEqual({ customer: { user_id: String(world.customers[2].id), token: world.customers[2].token } });
    const local = await page.evaluate('JSON.stringify(localStorage)') as string;
    expect(local).not.toContain(world.customers[2].token);
  });
});
