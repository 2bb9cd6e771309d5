/** Runs example.ts against a server with the demo data (LEIDA_URL, default http://127.0.0.1:8000). */
import type { Credential } from './leida-client';
import { runExample } from './example';

// The demo principals (src/modules/seed/demo-fixture.ts): public demo tokens.
const customer: Credential = { userId: 1, token: '0f1e2d3c4b5a69788796a5b4c3d2e1f0' };
const rep: Credential = { userId: 1, token: '93b5f91eb56b8a4f8d96b7182920d68d' };

runExample(process.env.LEIDA_URL ?? 'http://127.0.0.1:8000', customer, rep).then(
  (result) => console.log(result),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
