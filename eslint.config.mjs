// Lint: Next's rules, typescript-eslint, React hooks, and the layers of the code as import rules, so that a
// reviewer does not have to remember them (../shared/conventions.md):
//
//   app  ->  components  ->  lib/<feature>  ->  lib/workflow  ->  lib/server  ->  lib/domain
//
// - lib/domain is pure: no next, react, prisma, server-only, nor any other folder of lib.
// - lib/server knows only lib/domain (and the generated Prisma client).
// - lib/workflow (the transition function, the task scope, recusal, task locks) knows server and domain.
// - a feature folder knows the features it is declared to depend on below (a DAG: no folder cycles), and the
//   layers under it.
// - components render: they never import a service, a loader, a query, lib/server or lib/workflow (types
//   excepted), and no other component reaches into app/.
// - app/ (routes) may use all of lib's entry points, never Prisma.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';

/** Which feature folder of lib/ may import which. Anything not listed is refused. */
export const FEATURE_DEPENDENCIES = {
  i18n: [],
  mail: ['i18n'],
  search: [],
  registry: ['attachments'],
  audit: [],
  settings: ['audit'],
  calls: ['audit'],
  programs: ['audit'],
  organizations: ['audit', 'notifications'],
  users: ['notifications', 'organizations', 'audit', 'mail'],
  deadlines: ['settings'],
  notifications: ['settings', 'deadlines', 'mail'],
  jobs: ['notifications', 'mail'],
  needs: ['notifications', 'audit', 'calls', 'organizations', 'programs'],
  lists: ['needs', 'notifications', 'audit', 'organizations', 'settings', 'calls', 'programs'],
  identification: ['needs', 'councils', 'notifications', 'settings', 'audit', 'organizations', 'calls'],
  councils: ['notifications', 'settings', 'audit'],
  attachments: ['settings', 'audit'],
  reports: ['notifications', 'settings', 'audit'],
  selection: ['tasks', 'councils', 'lists', 'notifications', 'settings', 'audit'],
  'after-acceptance': ['notifications', 'settings', 'audit', 'deadlines'],
  statistics: ['deadlines', 'settings'],
  exports: ['tasks', 'organizations', 'users', 'calls', 'statistics', 'needs', 'lists', 'programs'],
  documents: ['councils', 'identification', 'lists', 'after-acceptance', 'settings'],
  tasks: [
    'councils',
    'notifications',
    'settings',
    'calls',
    'organizations',
    'reports',
    'attachments',
    'audit',
    'lists',
    'after-acceptance',
    'deadlines',
    'programs',
    'statistics',
  ],
};
const FEATURES = Object.keys(FEATURE_DEPENDENCIES);

const restrict = (patterns, extra = {}) => ['error', { patterns, ...extra }];
const group = (paths, message, opts = {}) => ({ group: paths, message, ...opts });

const PURE = group(
  [
    'next',
    'next/*',
    'react',
    'react/*',
    'react-dom',
    '@prisma/*',
    '@/lib/generated/*',
    'server-only',
    'next-intl',
    'next-intl/*',
    '@/lib/*',
    '!@/lib/domain',
    'node:*',
  ],
  'lib/domain is pure rules: it imports nothing from a framework, the database or another folder of lib.',
);

const featureRules = FEATURES.map((feature) => ({
  files: [`lib/${feature}/**/*.{ts,tsx}`],
  rules: {
    '@typescript-eslint/no-restricted-imports': restrict([
      group(
        FEATURES.filter((f) => f !== feature && !FEATURE_DEPENDENCIES[feature].includes(f)).map((f) => `@/lib/${f}/*`),
        `lib/${feature} may import only lib/{${FEATURE_DEPENDENCIES[feature].join(',')}} among the features (eslint.config.mjs: FEATURE_DEPENDENCIES), to keep the folders free of cycles.`,
      ),
      group(['@/app/*', '@/components/*'], 'lib/ never imports from app/ or components/.'),
    ]),
  },
}));

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.next*/',
      'lib/generated/',
      'test-results/',
      '.cache/',
      'playwright-report/',
      'storage/',
      '.pgdata*/',
      'next-env.d.ts',
      'tests/lint-fixtures/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { '@next/next': nextPlugin, 'react-hooks': reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      // There is no pages/ folder: the App Router's <Link> is used everywhere.
      '@next/next/no-html-link-for-pages': 'off',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='$queryRawUnsafe'], CallExpression[callee.property.name='$executeRawUnsafe']",
          message: 'Use the tagged $queryRaw / $executeRaw: values are then parameters, never spliced into SQL.',
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        performance: 'readonly',
        fetch: 'readonly',
        FormData: 'readonly',
        Blob: 'readonly',
        URLSearchParams: 'readonly',
        WebAssembly: 'readonly',
      },
    },
  },
  {
    files: ['lib/domain/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restrict([PURE]) },
  },
  {
    files: ['lib/server/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        group(
          ['@/lib/*', '!@/lib/domain', '!@/lib/server', '!@/lib/generated'],
          'lib/server builds on lib/domain only: the features build on it, never the reverse.',
        ),
        group(['@/app/*', '@/components/*'], 'lib/ never imports from app/ or components/.'),
      ]),
    },
  },
  {
    files: ['lib/workflow/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        group(
          ['@/lib/*', '!@/lib/domain', '!@/lib/server', '!@/lib/generated', '!@/lib/workflow'],
          'lib/workflow builds on lib/server and lib/domain only.',
        ),
        group(['@/app/*', '@/components/*'], 'lib/ never imports from app/ or components/.'),
      ]),
    },
  },
  ...featureRules,
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        group(
          [
            '@/lib/*/service',
            '@/lib/*/queries',
            '@/lib/*/dossiers',
            '@/lib/server/*',
            '@/lib/workflow/*',
            '@/lib/generated/*',
            '@prisma/*',
          ],
          'Components render what they are given: data and its types come from the page (its loader in lib/<feature>/loaders.ts), and writes go through an action (lib/<feature>/actions.ts). Not even a type of the data layer.',
        ),
        group(
          ['@/lib/*/loaders', '@/lib/*/seat-loaders'],
          'Components take the view model the page passes: only its type may come from a loader.',
          { allowTypeImports: true },
        ),
        group(['@/app/*'], 'Components never import from app/.'),
      ]),
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        group(
          ['@/lib/generated/*', '@prisma/*', '@/lib/server/db', '@/lib/server/prisma-client'],
          'Routes never touch the database: they ask lib/.',
        ),
      ]),
    },
  },
  {
    // CommonJS scripts (scripts/cluster.cjs runs as is in the container image).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['tests/**/*.ts', 'scripts/**/*.{ts,mjs}', 'prisma/**/*.ts'],
    // Playwright's fixtures call a parameter named `use`, which is not React's.
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-restricted-syntax': 'off', 'react-hooks/rules-of-hooks': 'off' },
  },
);
