// Lint enforces the process boundaries of ARCHITECTURE.md: the renderer never reaches Node,
// Electron, SQLite or db/; domain/ imports nothing of ours; db/ and the services know nothing
// of Electron. A wrong import fails the build, not a code review.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*'], message: 'The renderer runs in a sandbox without Node.' };
const noElectron = {
  name: 'electron',
  message:
    'Only electron/main and electron/preload may use Electron; this code also runs in tests and dev:web.',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'release/**',
      'dev-data/**',
      'coverage/**',
      'tests/.artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-ignore': true, 'ts-expect-error': 'allow-with-description' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property[key.name='nodeIntegration'][value.value=true]",
          message: 'nodeIntegration must stay off.',
        },
        {
          selector: "Property[key.name='sandbox'][value.value=false]",
          message: 'The renderer must stay sandboxed.',
        },
        {
          selector: "Property[key.name='contextIsolation'][value.value=false]",
          message: 'contextIsolation must stay on.',
        },
        {
          selector: "Property[key.name='webSecurity'][value.value=false]",
          message: 'webSecurity must stay on.',
        },
        {
          selector: "CallExpression[callee.property.name='executeJavaScript']",
          message: 'Do not run code in the renderer from main.',
        },
        {
          selector: "CallExpression[callee.property.name='openExternal']",
          message: 'An offline desk opens no external links (security checklist item 15).',
        },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'User text is rendered as text, never as HTML.',
        },
        {
          // antd measures an autoSize TextArea by setAttribute('style', …) on a hidden clone,
          // which the CSP (no inline style attributes) blocks and reports.
          selector: "JSXAttribute[name.name='autoSize']",
          message: 'No autoSize: give the TextArea fixed rows (the CSP blocks its measuring).',
        },
        {
          // App's dialogs live outside the desk gate and would outlast a lock or a switch of user.
          selector:
            "VariableDeclarator[init.callee.object.name='App'][init.callee.property.name='useApp'] > ObjectPattern > Property[key.name='modal']",
          message: 'Open confirm/warning dialogs with useDeskModal() (desk/desk-dialogs.ts).',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            noElectron,
            {
              name: 'better-sqlite3-multiple-ciphers',
              message: 'The renderer never touches SQL; call the API.',
            },
            { name: 'pdfkit', message: 'Documents are made in the main process.' },
          ],
          patterns: [
            nodeBuiltins,
            {
              group: ['**/db/**', '**/db'],
              message: 'The renderer never touches SQL; call the API.',
            },
            {
              group: ['**/electron/**'],
              message: 'The renderer talks to the main process only through the API.',
            },
            {
              group: ['fs', 'path', 'os', 'child_process', 'crypto', 'http'],
              message: 'No Node in the renderer.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            noElectron,
            { name: 'better-sqlite3-multiple-ciphers', message: 'domain/ is pure.' },
          ],
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'crypto'],
              message: 'domain/ is pure: it runs in the renderer too.',
            },
            {
              group: [
                '**/db/**',
                '**/electron/**',
                '**/renderer/**',
                '**/templates/**',
                '**/tests/**',
              ],
              message: 'domain/ imports nothing of ours outside domain/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'db/ knows nothing of Electron or the UI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'electron/api/**/*.ts',
      'electron/services/**/*.ts',
      'electron/core/**/*.ts',
      'electron/documents/**/*.ts',
      'electron/dev-web/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ ...noElectron, allowTypeImports: true }],
          patterns: [
            { group: ['**/renderer/**'], message: 'Main-process code does not import the UI.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**'], message: 'Main-process code does not import the UI.' },
          ],
        },
      ],
    },
  },
  {
    files: ['build/**/*.{js,mjs,cjs}', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // electron-builder loads its config with require(); CommonJS is the point of these files.
    files: ['build/**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
