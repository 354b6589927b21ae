import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { definitionSet } from './src/definitions/definition-set.generated.ts';
import { toDefinitionsJson } from './src/definitions/serialize.ts';
import { litTrustedTypes } from './scripts/lit-trusted-types.ts';
import { minifyLitTemplates } from './scripts/minify-lit-templates.ts';
import { VERSION } from './src/version.ts';

/** Emits dist/definitions.json, the compiled set for tools that do not run JavaScript modules. */
function definitionsJson(): Plugin {
  return {
    name: 'dszd-definitions-json',
    apply: 'build',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'definitions.json',
        source: toDefinitionsJson(definitionSet),
      });
    },
  };
}

// Library mode makes the entry an absolute path; the plugin answers for that path, a file that does not exist.
const SCRIPT_ENTRY = 'dszd-script-entry';

/**
 * A script's entry that only imports `module`: a classic script built from a module with exports would assign them
 * to a global variable, and the drop-in script must add nothing to the page but `window.dszdTerm`.
 */
function importOnly(module: string): Plugin {
  const path = fileURLToPath(new URL(module, import.meta.url));
  return {
    name: 'dszd-script-entry',
    enforce: 'pre',
    resolveId: (id) => (id.endsWith(SCRIPT_ENTRY) ? `\0${SCRIPT_ENTRY}` : null),
    load: (id) => (id === `\0${SCRIPT_ENTRY}` ? `import ${JSON.stringify(path)};` : null),
  };
}

// The minifier drops the bundled packages' license comments; their licenses ask for the notices to travel along.
const LIT_NOTICE = 'lit (BSD-3-Clause, Copyright (c) 2017 Google LLC)';
const FLOATING_UI_NOTICE = 'Floating UI (MIT, Copyright (c) 2021-present Floating UI contributors)';
const notice = (bundled: string[]) => `/*! dszd-term ${VERSION} (MIT). Bundles ${bundled.join(' and ')}. */`;

/** A self-contained classic script (lit and the set inside) that runs `module` when it loads. */
function classicScript(module: string, fileName: string, bundled: string[]): UserConfig {
  return {
    plugins: [importOnly(module), minifyLitTemplates(), litTrustedTypes()],
    // A classic script has no import.meta: src/auto.ts then finds its tag through document.currentScript.
    define: { 'import.meta.url': 'undefined' },
    // lit's production build even when NODE_ENV says otherwise (vitest sets "test"; its dev build is 4 KB more)
    resolve: { conditions: ['module', 'browser', 'production'] },
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      minify: true,
      lib: { entry: SCRIPT_ENTRY, formats: ['iife'], name: 'dszdTermScript', fileName: () => fileName },
      rolldownOptions: { output: { postBanner: notice(bundled) } },
    },
  };
}

/** Browser ES modules for bundlers: lit and Floating UI stay imports, resolved by the page's bundler. */
const browser: UserConfig = {
  plugins: [definitionsJson(), minifyLitTemplates()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    lib: {
      entry: { 'dszd-term': 'src/index.ts', define: 'src/define.ts', auto: 'src/auto.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      external: ['lit', /^lit\//, /^@lit\//, '@floating-ui/dom'],
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
};

/** The DOM-free Node entry and the command line: dependencies stay imports (SSR build externalizes them). */
const node: UserConfig = {
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    ssr: true,
    target: 'node20',
    rolldownOptions: {
      input: { node: 'src/node.ts', cli: 'src/cli/main.ts' },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
};

const modes: Record<string, UserConfig> = {
  // The drop-in script: lit, Floating UI and the whole set inside; <dszd-term> and page annotation.
  iife: classicScript('./src/auto.ts', 'dszd-term.iife.js', [LIT_NOTICE, FLOATING_UI_NOTICE]),
  // <dszd-glossary> for a glossary page, beside the drop-in script or alone.
  'iife-glossary': classicScript('./src/glossary/define-glossary.ts', 'dszd-glossary.iife.js', [LIT_NOTICE]),
  node,
};

// `vite build` (browser ES), then `--mode iife`, `--mode iife-glossary`, `--mode node`: `npm run build` runs all.
export default defineConfig(({ mode }) => modes[mode] ?? browser);
