// Generates src/metadata.ts: what the @nestjs/swagger CLI plugin knows about DTOs and
// controllers (types, class-validator rules, doc comments). `nest build` runs the plugin
// itself, but Jest (@swc/jest) and ts-node do not, so the app loads this file instead and
// the OpenAPI document is the same in every mode. Run before typecheck, tests, build, start.
import { PluginMetadataGenerator } from '@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator.js';
import { ReadonlyVisitor } from '@nestjs/swagger/plugin';
import { readFileSync } from 'node:fs';

const { compilerOptions } = JSON.parse(readFileSync('nest-cli.json', 'utf8'));
const swaggerOptions = compilerOptions.plugins.find((p) => p.name === '@nestjs/swagger').options;

new PluginMetadataGenerator().generate({
  visitors: [new ReadonlyVisitor({ ...swaggerOptions, pathToSource: `${process.cwd()}/src` })],
  outputDir: './src',
  filename: 'metadata.ts',
  watch: false,
  tsconfigPath: 'tsconfig.build.json',
  printDiagnostics: false,
});
