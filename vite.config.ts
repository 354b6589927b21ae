import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { definitionSet } from './src/definitions/definition-set.generated';
import { toDefinitionsJson } from './src/definitions/serialize';

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

/** Browser ES modules for bundlers: lit and Floating UI stay imports, resolved by the page's bundler. */
const browser: UserConfig = {
  plugins: [definitionsJson()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    lib: {
      entry: { 'dszd-term': 'src/index.ts', define: 'src/define.ts', auto: 'src/auto.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: { external: ['lit', /^lit\//, /^@lit\//, '@floating-ui/dom'] },
  },
};

/** The drop-in script: one self-contained file with lit, Floating UI and the whole set inside. */
const iife: UserConfig = {
  // A classic script has no import.meta: src/auto.ts then finds its tag through document.currentScript.
  define: { 'import.meta.url': 'undefined' },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    minify: true,
    lib: {
      entry: 'src/auto.ts',
      formats: ['iife'],
      name: 'dszdTermAuto',
      fileName: () => 'dszd-term.iife.js',
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

// `vite build` (browser ES), `vite build --mode iife`, `vite build --mode node`: `npm run build` runs all three.
export default defineConfig(({ mode }) => (mode === 'iife' ? iife : mode === 'node' ? node : browser));
