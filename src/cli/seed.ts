import { readFileSync } from 'node:fs';
import { validateEnv } from '../config/app-config';
import { DEMO_EXAMPLE, DEMO_FIXTURE } from '../modules/seed/demo-fixture';
import { FixtureImporter } from '../modules/seed/fixture-importer.service';
import { FixtureError } from '../modules/seed/fixture-schema';
import { exampleUrls } from '../modules/seed/seed-report';
import { TokenRotationService } from '../modules/seed/token-rotation.service';
import { fail, withAppContext } from './cli-context';

/**
 * npm run seed                            loads the demo company, prints signed example URLs
 * npm run seed -- --fixture <file.json>   loads a fixture (docs/fixtures.md); loading twice changes nothing
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--fixture');
  let fixture: unknown = DEMO_FIXTURE;
  if (at >= 0) {
    const file = args[at + 1];
    if (!file) fail('usage: npm run seed -- --fixture <file.json>');
    try {
      fixture = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      fail(`cannot read fixture ${file}: ${(error as Error).message}`);
    }
  }
  await withAppContext(async (app) => {
    try {
      const summary = await app.get(FixtureImporter).import(fixture);
      const counts = Object.entries(summary.loaded).map(([k, v]) => `${k}: ${v}`).join(', ');
      process.stdout.write(`loaded ${counts || 'nothing'}\n`);
    } catch (error) {
      if (error instanceof FixtureError) fail(`fixture rejected, nothing was loaded: ${error.message}`);
      throw error;
    }
    if (fixture === DEMO_FIXTURE) {
      const tokens = app.get(TokenRotationService);
      const port = validateEnv().port;
      const urls = exampleUrls(
        `http://127.0.0.1:${port}`,
        { id: DEMO_EXAMPLE.repId, token: (await tokens.tokenOf('rep', DEMO_EXAMPLE.repId))! },
        { id: DEMO_EXAMPLE.customerId, token: (await tokens.tokenOf('customer', DEMO_EXAMPLE.customerId))! },
      );
      process.stdout.write(`signed examples (valid for SIGNATURE_MAX_SKEW_SECONDS):\n  ${urls.rep_contacts}\n  ${urls.customer_unread}\n  docs: ${urls.docs}\n`);
    }
  });
}

main().catch((error) => fail(`seed failed: ${error instanceof Error ? error.message : String(error)}`));
