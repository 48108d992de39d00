import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '*.js', '*.mjs'] },
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // The domain is plain TypeScript: no framework, ORM, HTTP or queue imports.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'pg', 'bullmq', 'ioredis', 'express', 'opossum', '@electric-sql/*'], message: 'The domain imports only the domain and pure libraries.' },
            { group: ['**/application/**', '**/adapters/**', '**/config/**', '**/common/**'], message: 'Dependencies point inward.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/application/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['typeorm', 'pg', 'bullmq', 'ioredis', 'express', 'opossum', '@electric-sql/*'], message: 'Use cases talk to ports, not to drivers.' },
            { group: ['**/adapters/**'], message: 'Dependencies point inward.' },
          ],
        },
      ],
    },
  },
  {
    // Driven adapters never reach back into driving ones: what both need is a port or common.
    files: ['src/adapters/outbound/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/inbound/**'], message: 'Outbound adapters do not import inbound ones.' },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'demo/**/*.ts', 'src/**/*.spec.ts'],
    rules: { 'no-console': 'off' },
  },
);
