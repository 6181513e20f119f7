// One ESLint configuration for the whole monorepo; packages run `eslint .` against it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.turbo/**',
      '**/.data/**',
      '**/build/**',
      '**/dist/**',
      '**/.svelte-kit/**',
      'packages/db/src/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // Asymmetric matchers (expect.any, expect.stringMatching) are typed as any.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // These run without a database (packages/parser/src/pure-packages.test.ts also walks
    // their dependencies): no database client or driver, and no workspace package but
    // the other pure ones, since the rest stand on the database.
    files: ['packages/{config,i18n,ledger,log,parser}/**/*.ts', 'packages/books/src/pure/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'pg',
                'pg/*',
                'prisma',
                '@prisma/*',
                '@electric-sql/pglite',
                '@electric-sql/pglite/*',
                'pglite-prisma-adapter',
                '@spendline/*',
                '!@spendline/config',
                '!@spendline/i18n',
                '!@spendline/ledger',
                '!@spendline/log',
                '!@spendline/parser',
              ],
              message:
                'This package runs without a database: queries belong in a package that has one.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
  // Svelte components (apps/web): svelte-eslint-parser for the markup, typescript-eslint for
  // <script lang="ts">, type-checked like the .ts files.
  ...svelte.configs.recommended,
  {
    // One TypeScript project service serves every file, so it must know .svelte from the start.
    languageOptions: { parserOptions: { extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser },
    },
  },
);
