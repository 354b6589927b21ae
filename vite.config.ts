import { defineConfig, type Plugin } from 'vite';
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

// Library build: src/index.ts → dist/dszd-term.js (ES module); lit and Floating UI stay imports for the page's bundler.
export default defineConfig({
  plugins: [definitionsJson()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => 'dszd-term.js',
    },
    rolldownOptions: {
      external: ['lit', /^lit\//, /^@lit\//, '@floating-ui/dom'],
    },
  },
});
