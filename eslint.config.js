// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import compat from 'eslint-plugin-compat';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'test/browser/fixtures/iife/stage-missing/',
      'test/browser/fixtures/iife/live-missing/',
      'test/browser/fixtures/iife/entry-missing/',
      'test/browser/fixtures/iife/gbk/',
      'node_modules/',
      'coverage/',
      'src/definitions/definition-set.generated.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  // Browser code against the package.json browserslist (Chrome/Edge 80, Safari/iOS 14, Firefox 78): a newer API
  // needs a feature check with a fallback; the README's "Browser support" lists the deliberate exceptions.
  {
    ...compat.configs['flat/recommended'],
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/node.ts', 'src/cli/**', 'src/html/**'],
  },
  // What the compat plugin cannot see: a method call on a value whose type it does not know (`list.at(-1)`). Methods
  // of arrays and strings newer than that list, by name.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/node.ts', 'src/cli/**', 'src/html/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression > MemberExpression.callee[property.name=/^(at|findLast|findLastIndex|replaceAll|toSorted|toReversed|toSpliced|with|hasOwn|groupBy)$/]',
          message:
            'Newer than Chrome 80 / Safari 14 / Firefox 78 (Array/String .at, findLast, replaceAll, toSorted…, Object.hasOwn): write it the older way.',
        },
      ],
    },
  },
);
