// ESLint: typescript-eslint's recommended rules; formatting is Prettier's job (eslint-config-prettier).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The folders of src/, lowest first (see src/README.md): a folder may import only the folders of the
 * layers below its own, so that the graph stays layered (folders of one layer are independent).
 */
export const LAYERS = [
  ['core', 'types'],
  ['rules', 'interop', 'authority', 'tagger'],
  ['io', 'training'],
  ['diff', 'extract', 'html'],
  ['checks'],
  ['pipeline'],
  ['curation', 'learning'],
  ['commands'],
  ['format'],
  ['serve'],
  ['cli'],
];

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One `no-restricted-imports` block per folder, naming each folder it may not import (its own layer and those above). */
function importBoundaries() {
  return LAYERS.flatMap((layer, level) => {
    const below = LAYERS.slice(0, level).flat();
    return layer.map((folder) => {
      const above = LAYERS.slice(level)
        .flat()
        .filter((other) => other !== folder);
      const patterns = above.map((other) => ({
        regex: `^(\\.\\./)+${escapeRegExp(other)}/`,
        message: `${folder}/ may import ${below.length ? below.map((f) => `${f}/`).join(', ') : 'no other folder of src/'}, not ${other}/: see src/README.md`,
      }));
      patterns.push({
        regex: '^\\.\\./index\\.js$',
        message: 'src/index.ts is the library for its users: import the module itself',
      });
      if (folder === 'commands')
        patterns.push({ regex: '^\\./', message: 'commands never import each other: move shared code to a folder below commands/' });
      return { files: [`src/${folder}/**/*.ts`], rules: { 'no-restricted-imports': ['error', { patterns }] } };
    });
  }).concat({
    files: ['src/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\./cli/', message: 'the library never loads the CLI (commander): src/cli/ imports the library, not the reverse' },
          ],
        },
      ],
    },
  });
}

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
    },
  },
  ...importBoundaries(),
  prettier,
);
