import { TokenRotationService } from '../modules/seed/token-rotation.service';
import { fail, withAppContext } from './cli-context';

/** npm run token:rotate -- --rep <id> | --customer <id>   prints the new token */
async function main(): Promise<void> {
  const [flag, value] = process.argv.slice(2);
  const role = flag === '--rep' ? 'rep' : flag === '--customer' ? 'customer' : undefined;
  const id = Number(value);
  if (!role || !Number.isInteger(id) || id <= 0) fail('usage: npm run token:rotate -- --rep <id> | --customer <id>');
  await withAppContext(async (app) => {
    const token = await app.get(TokenRotationService).rotate(role, id);
    if (!token) fail(`no ${role} with id ${id}`);
    process.stdout.write(`${token}\n`);
  });
}

main().catch((error) => fail(`token rotation failed: ${error instanceof Error ? error.message : String(error)}`));
