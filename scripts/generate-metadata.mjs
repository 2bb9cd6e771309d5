// Generates src/metadata.ts: what the @nestjs/swagger CLI plugin knows about DTOs and
// controllers (types, class-validator rules, doc comments). `nest build` runs the plugin
// itself, but Jest (@swc/jest) and ts-node do not, so the app loads this file instead and
// the OpenAPI document is the same in every mode. Run before typecheck, tests, build, start.
import { PluginMetadataGenerator } from '@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator.js';
import { ReadonlyVisitor } from '@nestjs/swagger/plugin';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

// src/swagger.ts imports the generated file and the generator type-checks the project first:
// on a fresh clone, start from an empty placeholder.
if (!existsSync('src/metadata.ts')) writeFileSync('src/metadata.ts', 'export default async () => ({});\n');

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
