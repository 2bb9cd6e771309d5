// Generates src/metadata.ts: what the @nestjs/swagger CLI plugin knows about DTOs and
// controllers (types, class-validator rules, doc comments). The app loads this file in every
// mode (nest build, Jest with @swc/jest, ts-node), so the OpenAPI document is the same in all
// of them. Run before typecheck, tests, build, start.
import { PluginMetadataGenerator } from '@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator.js';
import { ReadonlyVisitor } from '@nestjs/swagger/plugin';
import { existsSync, writeFileSync } from 'node:fs';

// src/swagger.ts imports the generated file and the generator type-checks the project first:
// on a fresh clone, start from an empty placeholder.
if (!existsSync('src/metadata.ts')) writeFileSync('src/metadata.ts', 'export default async () => ({});\n');

// The plugin runs here only, never inside `nest build`: a build-time transform would add what
// this file does not (an empty 201 on POST routes whose class-level 200 it cannot see), and the
// built server would then serve another document than the tested one (issue 11).
const swaggerOptions = { introspectComments: true, classValidatorShim: true, dtoFileNameSuffix: ['.dto.ts'], controllerFileNameSuffix: ['.controller.ts'] };

new PluginMetadataGenerator().generate({
  visitors: [new ReadonlyVisitor({ ...swaggerOptions, pathToSource: `${process.cwd()}/src` })],
  outputDir: './src',
  filename: 'metadata.ts',
  watch: false,
  tsconfigPath: 'tsconfig.build.json',
  printDiagnostics: false,
});
