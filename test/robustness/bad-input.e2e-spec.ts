import { TestApp, signedUrl } from '../support/test-app';
import { createWorld, World } from '../support/world';

/**
 * Every operation of the API, fed hostile values in every parameter and body field it
 * documents, through form and JSON bodies: the answer is always the envelope, never a 500.
 */
const HOSTILE: unknown[] = [
  '',
  ' ',
  'abc',
  '-1',
  '0',
  '1.5',
  '99999999999999999999',
  '1e400',
  'NaN',
  '[]',
  '{}',
  '{"info_type":"x"}',
  '[1,"a",null]',
  'null',
  '💗'.repeat(3000),
  "'; DROP TABLE relation; --",
  ['1', '2'],
  { nested: { deep: [1, 2, 3] } },
  -5,
  2 ** 53,
  true,
  // Lengths at the exact code-point limits with a variation selector (❤️ is two code points).
  'a'.repeat(31) + '❤️',
  'b'.repeat(255) + '❤️',
  'c'.repeat(99) + '❤️',
  '%zz%',
  'nul\u0000byte',
  // Nesting far deeper than any endpoint reads (a stack overflow in a recursive walk).
  JSON.parse('['.repeat(3000) + ']'.repeat(3000)),
  '['.repeat(3000) + ']'.repeat(3000),
];

interface Operation {
  method: 'GET' | 'POST';
  path: string;
  surface: 'customer' | 'rep';
  query: string[];
  body: string[];
}

describe('hostile input never produces a 500', () => {
  let t: TestApp;
  let w: World;
  let operations: Operation[];

  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
    const doc = (await t.request('GET', '/docs-json')).body;
    operations = [];
    for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
      if (!path.startsWith('/zhugeleida/')) continue;
      for (const [method, op] of Object.entries<any>(item)) {
        const params = (op.parameters ?? []) as { name: string; in: string }[];
        const schemaRef = op.requestBody?.content?.['application/json']?.schema?.$ref as string | undefined;
        const schema = schemaRef ? doc.components.schemas[schemaRef.split('/').pop()!] : undefined;
        operations.push({
          method: method.toUpperCase() as 'GET' | 'POST',
          path,
          surface: path.includes('/qiyeweixin/') ? 'rep' : 'customer',
          query: params.filter((p) => p.in === 'query').map((p) => p.name),
          body: Object.keys(schema?.properties ?? {}),
        });
      }
    }
  });
  afterAll(async () => t.close());

  it('covers every documented operation', () => {
    expect(operations.length).toBeGreaterThanOrEqual(23);
  });

  it('answers every hostile parameter and body value with an envelope', async () => {
    const failures: string[] = [];
    const codes: Record<string, number> = {};
    for (const op of operations) {
      const who = op.surface === 'customer' ? w.customers[0] : w.reps[0];
      for (const value of HOSTILE) {
        const text = typeof value === 'string' ? value : JSON.stringify(value);
        const path = op.path.replace(/\{[^}]+\}/g, encodeURIComponent(text.slice(0, 50)) || '0');
        const query: Record<string, string> = {};
        for (const name of op.query) query[name] = text.slice(0, 2000);
        const url = signedUrl(path, who, query);
        const attempts = op.method === 'GET'
          ? [t.request('GET', url)]
          : [
              t.request('POST', url, { body: Object.fromEntries(op.body.map((f) => [f, value])), encoding: 'json' }),
              t.request('POST', url, { body: Object.fromEntries(op.body.map((f) => [f, value])), encoding: 'form' }),
            ];
        for (const res of await Promise.all(attempts)) {
          codes[res.body?.code] = (codes[res.body?.code] ?? 0) + 1;
          const envelope = res.body && typeof res.body === 'object' && 'code' in res.body && 'msg' in res.body && 'data' in res.body;
          if (res.status >= 500 || !envelope) failures.push(`${op.method} ${op.path} ${text.slice(0, 30)} -> ${res.status} ${res.text.slice(0, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // The hostile values reached the handlers (not only the signature check): several outcomes.
    expect(Object.keys(codes).length).toBeGreaterThanOrEqual(4);
    expect(codes[400] ?? 0).toBe(0);
    process.stdout.write(`[bad-input] outcomes by code: ${JSON.stringify(codes)}\n`);
  }, 300_000);

  it('answers malformed bodies, undecodable paths and oversized parameters on every operation with an envelope', async () => {
    const failures: string[] = [];
    const bodies: [string, string][] = [
      ['multipart/form-data', '--x\r\n'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated'],
      ['multipart/form-data; boundary=x', 'no parts at all'],
      ['application/json', '{"a":' + '['.repeat(5000)],
      ['application/json', '{"content":' + '['.repeat(5000) + ']'.repeat(5000) + '}'],
    ];
    for (const op of operations) {
      const who = op.surface === 'customer' ? w.customers[0] : w.reps[0];
      const paths = [op.path.replace(/\{[^}]+\}/g, '1'), op.path.replace(/\{[^}]+\}/g, '%ff'), op.path.replace(/\{[^}]+\}/g, '9'.repeat(150)), `${op.path.replace(/\{[^}]+\}/g, '1')}%`];
      for (const path of paths) {
        const attempts =
          op.method === 'GET'
            ? [t.request('GET', signedUrl(path, who, { u_id: '%zz', customer_id: 'x'.repeat(5000) }))]
            : bodies.map(([type, body]) => t.request('POST', signedUrl(path, who), { body, headers: { 'content-type': type } }));
        for (const res of await Promise.all(attempts)) {
          const envelope = res.body && typeof res.body === 'object' && 'code' in res.body && 'msg' in res.body && 'data' in res.body;
          if (res.status >= 500 || !envelope || res.text.includes('rand_str')) failures.push(`${op.method} ${path.slice(0, 80)} -> ${res.status} ${res.text.slice(0, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
