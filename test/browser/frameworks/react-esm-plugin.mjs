// React 19 ships CommonJS only: the browser tests get one ESM bundle of react, react-dom and react-dom/client
// (development build, so React's warnings reach the console), built in memory with esbuild on first request.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';

const PREFIX = '/__dszd-react-esm__/';
/** Bare specifier → the facade module served for it. */
const FACADES = { react: 'react.js', 'react-dom': 'react-dom.js', 'react-dom/client': 'react-dom-client.js' };
/** Facade → the name its module has in the bundle. */
const BINDINGS = { 'react.js': 'React', 'react-dom.js': 'ReactDOM', 'react-dom-client.js': 'ReactDOMClient' };

/** A web-test-runner plugin serving react, react-dom and react-dom/client as ES modules. */
export function reactEsmPlugin(rootDir = process.cwd()) {
  let bundle;

  const bundleOnce = async () => {
    bundle ??= build({
      stdin: {
        contents:
          "import * as React from 'react'; import * as ReactDOM from 'react-dom';" +
          "import * as ReactDOMClient from 'react-dom/client'; export { React, ReactDOM, ReactDOMClient };",
        resolveDir: rootDir,
        loader: 'js',
      },
      bundle: true,
      format: 'esm',
      write: false,
      define: { 'process.env.NODE_ENV': '"development"' },
      logLevel: 'silent',
    }).then((result) => result.outputFiles[0].text);
    return bundle;
  };

  /** `export const { a, b } = Module;` for every export the CommonJS module has, plus the default. */
  const writeFacade = (specifier, file) => {
    const binding = BINDINGS[file];
    const names = listExports(rootDir, specifier).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
    return (
      `import { ${binding} } from '${PREFIX}bundle.js';\n` +
      `const module = ${binding}.default ?? ${binding};\n` +
      `export default module;\n` +
      `export const { ${names.join(', ')} } = module;\n`
    );
  };

  return {
    name: 'dszd-react-esm',
    resolveImport({ source }) {
      const file = FACADES[source];
      return file ? PREFIX + file : undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const file = context.path.slice(PREFIX.length);
      if (file === 'bundle.js') return { body: await bundleOnce(), type: 'js' };
      const specifier = Object.keys(FACADES).find((key) => FACADES[key] === file);
      return specifier ? { body: writeFacade(specifier, file), type: 'js' } : undefined;
    },
  };
}

/** The export names of a CommonJS module, read in a child process: React's development build patches console. */
function listExports(rootDir, specifier) {
  const script = `process.stdout.write(JSON.stringify(Object.keys(require(${JSON.stringify(specifier)}))))`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: rootDir, encoding: 'utf8' }));
}
