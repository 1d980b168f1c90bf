// Layering is enforced here: the kernel knows time, events and callbacks only, and nothing in sim/
// may reach into the UI. See ../shared/STYLE.md ("kernel/ imports nothing from model/...").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'coverage', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['sim/kernel/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/model/**', '**/machines/**', '**/metrics/**', '**/scenarios/**'],
              message: 'sim/kernel knows time, events and callbacks only.',
            },
            {
              group: ['**/src/**', 'react', 'react-dom'],
              message: 'sim/ is pure TypeScript with no UI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['sim/**/*.ts'],
    ignores: ['sim/kernel/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/**', 'react', 'react-dom', 'zustand', 'd3', 'd3-*'],
              message: 'sim/ is pure TypeScript with no UI.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'setTimeout',
        'setInterval',
        'requestAnimationFrame',
        'window',
        'document',
      ],
    },
  },
  {
    // Same scenario + seed must give the same bits in Node and in the browser. ECMAScript leaves
    // these functions (and **) implementation-approximated, and V8's libm changes between
    // versions; sim/kernel/portableMath is the fdlibm port that every engine computes alike.
    // Kernel included; the port itself needs no exception (it uses none of them).
    files: ['sim/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...[
          'log',
          'exp',
          'pow',
          'sin',
          'cos',
          'tan',
          'log1p',
          'expm1',
          'log2',
          'log10',
          'cbrt',
          'hypot',
          'atan',
          'atan2',
        ].map((property) => ({
          object: 'Math',
          property,
          message: 'not reproducible across JS engines: use sim/kernel/portableMath',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'BinaryExpression[operator="**"]',
          message: 'not reproducible across JS engines: use sim/kernel/portableMath',
        },
        {
          selector: 'AssignmentExpression[operator="**="]',
          message: 'not reproducible across JS engines: use sim/kernel/portableMath',
        },
      ],
    },
  },
);
