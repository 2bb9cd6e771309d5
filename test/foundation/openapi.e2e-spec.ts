import { readFileSync, writeFileSync } from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import { TestApp } from '../support/test-app';

const COMMITTED = `${process.cwd()}/docs/openapi.json`;

/**
 * docs/openapi.json is committed so API changes show up in review. This test fails when the
 * served document drifts from it; `npm run openapi:write` regenerates the file.
 */
describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => t.close());

  it('serves Swagger UI at /docs', async () => {
    const res = await t.request('GET', '/docs');
    expect(res.status).toBe(200);
    expect(res.text).toContain('swagger-ui');
  });

  it('serves /docs-json, identical to the committed docs/openapi.json', async () => {
    const res = await t.request('GET', '/docs-json');
    expect(res.status).toBe(200);
    const served = JSON.stringify(res.body, null, 2) + '\n';
    if (process.env.UPDATE_OPENAPI === '1') writeFileSync(COMMITTED, served);
    expect(JSON.parse(readFileSync(COMMITTED, 'utf8'))).toEqual(res.body);
  });

  it('is a valid OpenAPI 3 document with the signature as a security scheme', async () => {
    const res = await t.request('GET', '/docs-json');
    const doc = structuredClone(res.body);
    await expect(SwaggerParser.validate(doc)).resolves.toBeDefined();
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.components.securitySchemes).sort()).toEqual(['customer_rand_str', 'customer_timestamp', 'customer_user_id', 'rep_rand_str', 'rep_timestamp', 'rep_user_id']);
  });
});
