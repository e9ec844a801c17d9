// ESLint runs as a stage of `npm test` (scripts/test.mjs) on the sources that ship: server, client and
// shared. Typed linting reads each file with its own tsconfig project, so promise rules see real types.
// TypeScript's strict options already cover what the usual recommended sets would add; the rules here
// are the ones the compiler cannot check (STYLE.md: no floating promises).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/*.js', '**/*.mjs', 'out/**', 'dist/**', 'node_modules/**', '.e2e/**'] },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts', 'shared/src/**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
);
