// Flat config: typescript-eslint + eslint-plugin-vue, the import zones of style.md §2.1, Prettier last.
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import prettier from 'eslint-config-prettier/flat'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// ---- building blocks for the zones ------------------------------------------------------------------------------

const ELECTRON = {
  regex: '^electron(/|$)',
  message: 'Electron is for src/main and src/preload only (style.md §2.1).'
}
const NODE_PREFIXED = {
  regex: '^node:',
  message: 'Node built-ins are not available in this layer.'
}
const NODE_BARE = builtinModules
  .filter((name) => !name.startsWith('_'))
  .map((name) => ({ name, message: 'Node built-ins are not available in this layer.' }))
const UI_LIBS = {
  regex: '^(vue|pinia|chart\\.js)(/|$)',
  message: 'UI libraries belong to src/renderer only.'
}
const DEEP_ENGINE = {
  regex: '^@engine/',
  message: "Import the engine's public surface '@engine' (src/engine/index.ts), never a deep path."
}
const RENDERER_ALIAS = {
  regex: '^@renderer(/|$)',
  message: 'Only src/renderer may import @renderer.'
}
/** A relative path that climbs out of the current folder into another top-level folder of src/. */
const relativeInto = (folders, message) => ({
  regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`,
  message
})

/** What src/shared (and src/shared/figure) may not import besides UI libraries. */
const SHARED_PATHS = [
  ...NODE_BARE,
  {
    name: '@engine',
    allowTypeImports: true,
    message: 'src/shared may import only TYPES from @engine (`import type`).'
  }
]
const SHARED_RELATIVE = relativeInto(
  ['main', 'preload', 'renderer', 'cli', 'web', 'engine'],
  'src/shared imports only src/shared and types from @engine.'
)

/** One zone: these files may not import these modules. Runtime vs `import type` is told apart where it matters. */
const zone = (files, { paths = [], patterns = [] }) => ({
  files,
  rules: {
    'no-restricted-imports': 'off',
    '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }]
  }
})

// ---- config -----------------------------------------------------------------------------------------------------

export default defineConfig([
  globalIgnores([
    'out/',
    'dist/',
    'dist-web/',
    'coverage/',
    'test-results/',
    'playwright-report/',
    'tmp/',
    '**/node_modules/'
  ]),

  js.configs.recommended,
  tseslint.configs.recommended,
  pluginVue.configs['flat/recommended'],

  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    rules: { 'vue/block-lang': ['error', { script: { lang: 'ts' } }] }
  },

  // Runtimes: Node for main/preload/cli/bench/bin/tests/configs, browser for the renderer and the web host.
  {
    files: [
      'src/main/**',
      'src/preload/**',
      'src/cli/**',
      'bench/**',
      'bin/**',
      'tests/**',
      '*.config.*'
    ],
    languageOptions: { globals: globals.node }
  },
  { files: ['src/renderer/**', 'src/web/**'], languageOptions: { globals: globals.browser } },

  // Base set for everyone (VS Code's): eqeqeq, prefer-const; unused names may start with _.
  {
    rules: {
      eqeqeq: ['error', 'always'],
      'prefer-const': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports' }
      ]
    }
  },

  // ---- import zones (style.md §2.1) ----
  zone(['src/engine/**'], {
    paths: [
      ...NODE_BARE,
      { name: '@shared', message: 'The engine imports nothing outside src/engine.' }
    ],
    patterns: [
      ELECTRON,
      NODE_PREFIXED,
      UI_LIBS,
      RENDERER_ALIAS,
      { regex: '^@shared(/|$)', message: 'The engine imports nothing outside src/engine.' },
      relativeInto(
        ['main', 'preload', 'renderer', 'cli', 'web', 'shared'],
        'The engine imports nothing outside src/engine.'
      )
    ]
  }),
  zone(['src/shared/**'], {
    paths: SHARED_PATHS,
    patterns: [ELECTRON, NODE_PREFIXED, UI_LIBS, DEEP_ENGINE, RENDERER_ALIAS, SHARED_RELATIVE]
  }),
  // The chart's pure parts (config builder, palette, headless scene) are shared by the renderer and the CLI: they
  // may name Chart.js's and the annotation plugin's TYPES, never load them (the CLI never loads Chart.js).
  zone(['src/shared/figure/**'], {
    paths: SHARED_PATHS,
    patterns: [
      ELECTRON,
      NODE_PREFIXED,
      { regex: '^(vue|pinia)(/|$)', message: 'UI libraries belong to src/renderer only.' },
      {
        regex: '^(chart\\.js|chartjs-plugin-annotation)(/|$)',
        allowTypeImports: true,
        message: 'src/shared/figure may import only TYPES from Chart.js and its annotation plugin.'
      },
      DEEP_ENGINE,
      RENDERER_ALIAS,
      SHARED_RELATIVE
    ]
  }),
  zone(['src/main/**'], {
    patterns: [
      UI_LIBS,
      DEEP_ENGINE,
      RENDERER_ALIAS,
      relativeInto(['renderer', 'preload'], 'Main must not import the renderer or the preload.')
    ]
  }),
  zone(['src/preload/**'], {
    patterns: [
      {
        // The sandbox cannot load npm packages; the contract's runtime content is two const objects.
        regex: '^(?!(electron|\\.\\./shared/ipc/contract)$)',
        allowTypeImports: true,
        message: "The sandboxed preload imports only 'electron' and ../shared/ipc/contract."
      }
    ]
  }),
  zone(['src/renderer/**'], {
    paths: [
      ...NODE_BARE,
      {
        name: '@engine',
        allowTypeImports: true,
        message:
          'The renderer imports only TYPES from @engine; computations go through services/engineClient.ts.'
      }
    ],
    patterns: [
      ELECTRON,
      NODE_PREFIXED,
      DEEP_ENGINE,
      relativeInto(
        ['main', 'preload', 'cli', 'engine'],
        'The renderer talks to main only via window.tsa.'
      )
    ]
  }),
  zone(['src/cli/**'], {
    patterns: [
      ELECTRON,
      UI_LIBS,
      DEEP_ENGINE,
      RENDERER_ALIAS,
      relativeInto(['main', 'preload', 'renderer'], 'The CLI uses @engine and node:* only.')
    ]
  }),
  zone(['src/web/**'], {
    paths: NODE_BARE,
    patterns: [ELECTRON, NODE_PREFIXED, DEEP_ENGINE]
  }),
  zone(['tests/unit/**'], {
    patterns: [
      {
        ...ELECTRON,
        allowTypeImports: true,
        message: "Unit tests run without Electron: vi.mock('electron') instead of importing it."
      }
    ]
  }),

  // Only services/engineClient.ts reads window.tsa.
  {
    files: ['src/renderer/**'],
    ignores: ['src/renderer/src/services/engineClient.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'window',
          property: 'tsa',
          message: 'Use services/engineClient.ts, the only module that reads window.tsa.'
        }
      ]
    }
  },

  // The engine: pure numerics, no any, no console, no DOM or Node globals (tsconfig.engine.json locks these too).
  {
    files: ['src/engine/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-globals': [
        'error',
        { name: 'console', message: 'The engine reports problems as values (Result), not logs.' },
        { name: 'window', message: 'The engine runs without a DOM.' },
        { name: 'document', message: 'The engine runs without a DOM.' },
        { name: 'process', message: 'The engine runs without Node.' }
      ],
      complexity: ['warn', 15]
    }
  },

  prettier,

  // After Prettier (which turns `curly` off): braces for multi-line bodies; `if (t <= 0) return 0` stays allowed.
  { rules: { curly: ['error', 'multi-line'] } }
])
