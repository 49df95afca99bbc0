// ESLint: typescript-eslint's recommended rules; formatting is Prettier's job (eslint-config-prettier).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // `typeof import('x')` types keep lazily loaded modules off the start-up path.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      // Escapes such as `\\[` inside character classes make long regular expressions easier to read.
      'no-useless-escape': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../commands/*', './commands/*'],
              message: 'commands never import each other: move shared code to core/, io/, pipeline/ or checks/',
            },
          ],
        },
      ],
    },
  },
  // The CLI, the review server (an edge like the CLI), the library barrel and the tests may import commands.
  { files: ['src/cli/**', 'src/serve/**', 'src/index.ts', 'src/format/**', 'test/**'], rules: { 'no-restricted-imports': 'off' } },
  prettier,
);
