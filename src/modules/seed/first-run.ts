import type { INestApplication, LoggerService } from '@nestjs/common';
import { CompanyService } from '../company/company.service';
import { DEMO_EXAMPLE, DEMO_FIXTURE } from './demo-fixture';
import { FixtureImporter } from './fixture-importer.service';
import { exampleUrls } from './seed-report';
import { TokenRotationService } from './token-rotation.service';

/** On the first start of an empty embedded database, load the demo company and say so. */
export async function loadDemoOnFirstRun(app: INestApplication, baseUrl: string, logger: LoggerService): Promise<void> {
  if ((await app.get(CompanyService).countCompanies()) > 0) return;
  await app.get(FixtureImporter).import(DEMO_FIXTURE);
  const tokens = app.get(TokenRotationService);
  const urls = exampleUrls(
    baseUrl,
    { id: DEMO_EXAMPLE.repId, token: (await tokens.tokenOf('rep', DEMO_EXAMPLE.repId))! },
    { id: DEMO_EXAMPLE.customerId, token: (await tokens.tokenOf('customer', DEMO_EXAMPLE.customerId))! },
  );
  logger.log('First run: loaded the demo company into the empty embedded database (npm run seed prints fresh signed URLs).');
  // Printed for the person at the terminal, not through the structured log: log lines never carry signatures.
  process.stdout.write(
    [
      '',
      'Leida first run: demo data loaded.',
      `  API docs (Swagger UI):         ${urls.docs}`,
      `  rep 1 contact list (signed):   ${urls.rep_contacts}`,
      `  customer 1 unread (signed):    ${urls.customer_unread}`,
      '  (signatures expire after SIGNATURE_MAX_SKEW_SECONDS; run `npm run seed` for fresh ones)',
      '',
    ].join('\n') + '\n',
  );
}
