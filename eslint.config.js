// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import glasswing from './eslint-rules/layers.js';

export default tseslint.config(
  { ignores: ['build/**', 'dist/**', 'release/**', 'node_modules/**', 'e2e/artifacts/**', 'test-results/**', 'bench/results/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    plugins: { glasswing },
    rules: {
      'glasswing/layers': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: '.only must not be committed.' },
        {
          selector: "CallExpression[callee.property.name='skip'][arguments.length<2]",
          message: 'Skip with a reason: skipIf(condition) with a named condition, or test.skip(condition, "why").',
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react/no-danger': 'off',
      'no-restricted-properties': ['error', { object: 'window', property: 'eval' }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render untrusted text as HTML.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Never render untrusted text as HTML.' },
        { selector: "CallExpression[callee.property.name='only']", message: '.only must not be committed.' },
      ],
    },
  },
  {
    // The native addon's loader and build script are CommonJS, as node-gyp's output is loaded with require.
    files: ['native/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Time and network are ports here (tldraw's rule), so retries and idle timers are tested without sleeping.
    files: ['src-main/telemetry/**/*.ts', 'src-main/playback/**/*.ts', 'src-main/library/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test-support/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Use the Clock port.' },
        { name: 'setInterval', message: 'Use the Clock port.' },
        { name: 'fetch', message: 'Use the Fetch port through the network module.' },
      ],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Use the Clock port.' }],
    },
  },
);
