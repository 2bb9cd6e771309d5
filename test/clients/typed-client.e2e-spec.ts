import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExample } from '../../clients/ts/example';
import { TestApp } from '../support/test-app';
import { createWorld } from '../support/world';

const COMMITTED = join(process.cwd(), 'clients/ts/leida-api.d.ts');
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * clients/ts/leida-api.d.ts is generated from docs/openapi.json (itself checked against the
 * served document by test/foundation/openapi.e2e-spec.ts). This fails when it is stale:
 * `npm run client:generate` (or `npm run openapi:write`, which runs it) regenerates it.
 * clients/ts/example.ts, type-checked by `npm test`, reads `ret_data[0].msg` (customer getmsg)
 * and `data.ret_data[0].expedted_pr` (tongxunlu) without casts.
 */
describe('typed client (clients/ts)', () => {
  const doc = JSON.parse(readFileSync(join(process.cwd(), 'docs/openapi.json'), 'utf8')) as Json;

  it('is what openapi-typescript generates from the committed docs/openapi.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leida-client-'));
    try {
      const fresh = join(dir, 'leida-api.d.ts');
      execFileSync(process.execPath, [join(process.cwd(), 'node_modules/openapi-typescript/bin/cli.js'), 'docs/openapi.json', '-o', fresh], { stdio: 'pipe' });
      expect(readFileSync(COMMITTED, 'utf8')).toBe(readFileSync(fresh, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('types every path of the document', () => {
    const types = readFileSync(COMMITTED, 'utf8');
    for (const path of Object.keys(doc.paths)) expect(types).toContain(`"${path}": {`);
  });

  it('gives the data of every success answer a named type (one with fields, or the documented empty object)', () => {
    const types = readFileSync(COMMITTED, 'utf8');
    const operations = Object.values(doc.paths as Json).flatMap((item: Json) => Object.values(item)) as Json[];
    expect(operations.length).toBeGreaterThanOrEqual(22);
    for (const operation of operations) {
      const variants = operation.responses['200'].content['application/json'].schema.oneOf as Json[];
      const success = variants.find((v) => v.properties?.code?.enum?.[0] === 200);
      const name = String(success?.properties.data.$ref ?? '').replace('#/components/schemas/', '');
      expect({ operation: operation.operationId, data: name }).toEqual({ operation: operation.operationId, data: expect.stringMatching(/^[A-Z]\w+$/) });
      if (name !== 'EmptyData') expect(Object.keys(doc.components.schemas[name].properties ?? {})).not.toHaveLength(0);
      expect(types).toContain(`data: components["schemas"]["${name}"];`);
    }
  });

  describe('against a live server', () => {
    let t: TestApp;
    let base: string;
    beforeAll(async () => {
      t = await TestApp.start();
      base = `http://${await t.listen()}`;
    });
    afterAll(async () => t.close());

    it('runs the example: a signed GET and POST on each surface, typed answers', async () => {
      const world = await createWorld(t);
      const [customer, rep] = [world.customers[0], world.reps[0]];
      const result = await runExample(base, { userId: customer.id, token: customer.token }, { userId: rep.id, token: rep.token });
      expect(result.sentId).toBeGreaterThan(0);
      expect(result.firstMessage).toBe('您好,有什么可以帮您?');
      expect(result.unread).toBeGreaterThanOrEqual(1);
      expect(typeof result.firstContactPr).toBe('number');
    });

    it('fails with the envelope when a signature is refused', async () => {
      await expect(runExample(base, { userId: 1, token: 'f'.repeat(32) }, { userId: 1, token: 'f'.repeat(32) })).rejects.toMatchObject({
        name: 'LeidaError',
        envelope: { code: 400, msg: 'token异常', data: { reason: expect.any(String) } },
      });
    });
  });
});
