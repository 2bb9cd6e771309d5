// Jest runs in native ESM mode (Nest 12 packages are ESM-only; see ../shared/notes/stack.md).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
      target: 'es2022',
    },
    module: { type: 'es6' },
  },
];
// CommonJS packages that require() ESM-only packages must be turned into ESM-compatible code.
const cjsNeedingTransform = ['content-disposition', 'cookie', '@apidevtools/swagger-parser', '@apidevtools/json-schema-ref-parser'];

const common = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': swc,
    [`node_modules/(${cjsNeedingTransform.join('|')})/.+\\.js$`]: [
      '@swc/jest',
      { jsc: { target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: [`node_modules/(?!(${cjsNeedingTransform.join('|')})/)`],
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/test/support/setup-reflect.ts'],
};

module.exports = {
  // End-to-end tests spawn commands and servers; the machines are small and noisy.
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
