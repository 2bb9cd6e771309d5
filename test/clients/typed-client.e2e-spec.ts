import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const COMMITTED = join(process.cwd(), 'clients/ts/leida-api.d.ts');

/**
 * clients/ts/leida-api.d.ts is generated from docs/openapi.json (itself checked against the
 * served document by test/foundation/openapi.e2e-spec.ts). This fails when it is stale:
 * `npm run client:generate` (or `npm run openapi:write`, which runs it) regenerates it.
 */
describe('typed client (clients/ts)', () => {
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
    const doc = JSON.parse(readFileSync(join(process.cwd(), 'docs/openapi.json'), 'utf8'));
    const types = readFileSync(COMMITTED, 'utf8');
    for (const path of Object.keys(doc.paths)) expect(types).toContain(`"${path}": {`);
  });
});
