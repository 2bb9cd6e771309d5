import type { Browser, Page } from 'playwright-core';
import { artifactPath, describeWithBrowser, launchChromium } from '../support/browser';
import type { Type } from '@nestjs/common';
import { DEMO_FIXTURE } from '../../src/modules/seed/demo-fixture';
import { Signer, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';
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

  /** Console errors, uncaught page errors and failed requests of the current page: each fails its test. */
  let problems: string[] = [];

  let database: TestDatabase;

  beforeAll(async () => {
    // As the embedded demo serves it: the demo data and the demo principals (one-click sign-in).
    // A database of its own: the prefilled examples change the demo data other test files read.
    database = await createTestDatabase();
    t = await TestApp.start({ serveDemoPrincipals: true }, EXTRA_MODULES, undefined, database.url);
    await t.importFixture(DEMO_FIXTURE);
    world = await createWorld(t);
    await t.app.listen(0, '127.0.0.1');
    baseUrl = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await database?.drop();
  });
  beforeEach(async () => {
    problems = [];
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('console', (m) => void (m.type() === 'error' && problems.push(`console error: ${m.text()}`)));
    page.on('pageerror', (e) => void problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => void problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
    page.on('response', (r) => void (r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`)));
    await page.goto(`${baseUrl}/docs`);
    await page.locator('.swagger-ui .opblock').first().waitFor();
  });
  afterEach(async () => {
    await page?.close();
    expect(problems).toEqual([]);
  });

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

  const blockOf = (method: string, path: string) => page.locator(`.opblock.opblock-${method}`, { has: page.locator(`.opblock-summary-path[data-path="${path}"]`) });

  /** Opens the operation, fills its parameters, executes it; returns the live response. */
  async function execute(op: Operation) {
    const block = blockOf(op.method, op.path);
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

  it('offers the demo principals: one click signs a surface in, and only that surface shows as signed', async () => {
    await page.locator('.leida-demo-principal[data-surface="customer"][data-user-id="1"]').click();
    await expectStatus('customer: user 1 ✓ · rep: not signed in');
    await expect(page.locator('.swagger-ui .auth-wrapper').isVisible()).resolves.toBe(false);
    const customerLock = blockOf('get', CUSTOMER_OPERATION.path).locator('.authorization__btn');
    const repLock = blockOf('get', REP_OPERATION.path).locator('.authorization__btn');
    await expect(customerLock.getAttribute('aria-label')).resolves.toMatch(/^authorization button locked$/);
    await expect(repLock.getAttribute('aria-label')).resolves.toMatch(/^authorization button unlocked$/);
    await page.locator('.leida-demo-principal[data-surface="rep"][data-user-id="1"]').click();
    await expect(repLock.getAttribute('aria-label')).resolves.toMatch(/^authorization button locked$/);
    await page.click('#leida-logout');
    await expect(repLock.getAttribute('aria-label')).resolves.toMatch(/^authorization button unlocked$/);
    await expect(customerLock.getAttribute('aria-label')).resolves.toMatch(/^authorization button locked$/);
  });

  /** Executes an operation as Swagger UI prefills it (form mode, the default): nothing typed in. */
  async function executeAsPrefilled(method: 'get' | 'post', path: string) {
    const block = blockOf(method, path);
    await block.locator('.opblock-summary').first().click();
    await block.locator('button.try-out__btn').click();
    await expect(block.locator('.body-param-content-type select, .content-type').first().inputValue()).resolves.toBe('application/x-www-form-urlencoded');
    await block.locator('button.execute').click();
    const status = block.locator('.live-responses-table tr.response .response-col_status').first();
    await status.waitFor();
    const body = await block.locator('.live-responses-table .response-col_description pre.microlight').first().textContent();
    await block.locator('.live-responses-table').scrollIntoViewIfNeeded();
    return { httpStatus: (await status.textContent())?.trim(), envelope: JSON.parse(body ?? 'null') };
  }

  it('answers 200 on the first try in form mode with the prefilled example: customer send_msg', async () => {
    await page.locator('.leida-demo-principal[data-surface="customer"][data-user-id="1"]').click();
    const res = await executeAsPrefilled('post', '/zhugeleida/gongzhonghao/chat/send_msg/0');
    await page.screenshot({ path: artifactPath('swagger-form-customer-send_msg-200.png') });
    expect([res.httpStatus, res.envelope.code, res.envelope.msg]).toEqual(['200', 200, 'send msg successful']);
  });

  it('answers 200 on the first try in form mode with the prefilled example: rep update_information', async () => {
    await page.locator('.leida-demo-principal[data-surface="rep"][data-user-id="1"]').click();
    const res = await executeAsPrefilled('post', '/zhugeleida/qiyeweixin/customer/update_information/{id}');
    await page.screenshot({ path: artifactPath('swagger-form-rep-update_information-200.png') });
    expect([res.httpStatus, res.envelope.code, res.envelope.msg]).toEqual(['200', 200, '添加成功']);
  });
});
