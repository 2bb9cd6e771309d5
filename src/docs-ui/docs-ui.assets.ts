import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The browser files served under /console/assets (plain files, no build step). */
export const DOCS_UI_ASSETS: Record<string, string> = {
  'leida-signing.js': 'text/javascript; charset=utf-8',
  'swagger-signing.js': 'text/javascript; charset=utf-8',
  'swagger-signing.css': 'text/css; charset=utf-8',
  'console.js': 'text/javascript; charset=utf-8',
  'console.css': 'text/css; charset=utf-8',
};

export const CONSOLE_PAGE = 'console.html';

/**
 * Where the files are: next to the compiled code in dist/docs-ui (nest-cli.json copies them
 * there), or src/docs-ui when running from sources (ts-node, Jest in ESM mode, which has no
 * __dirname).
 */
export function docsUiDirectory(): string {
  const candidates = [typeof __dirname === 'string' ? __dirname : '', join(process.cwd(), 'src', 'docs-ui'), join(process.cwd(), 'dist', 'docs-ui')];
  const found = candidates.find((dir) => dir && existsSync(join(dir, CONSOLE_PAGE)));
  if (!found) throw new Error(`docs-ui assets not found (looked in ${candidates.filter(Boolean).join(', ')})`);
  return found;
}

/** Reads every served file once at start-up (they are small and never change at run time). */
export function loadDocsUiFiles(dir = docsUiDirectory()): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of [CONSOLE_PAGE, ...Object.keys(DOCS_UI_ASSETS)]) files.set(name, readFileSync(join(dir, name), 'utf8'));
  return files;
}
