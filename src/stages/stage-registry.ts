/**
 * The drop-in script comes in stages (`dszd-term.iife.js`, then `dszd-term.live.js`, `dszd-term.card.js`,
 * `dszd-term.highlight.js`, `dszd-term.sets.js`), each a classic script. A stage hands the modules later stages
 * import from it through one key on the global object, so the page gets no named global and no module is bundled
 * twice. The build (vite.config.ts) writes the calls; the first stage hands its exports on as one array under a key
 * that names its layout, the later ones by module name.
 */
const REGISTRY_KEY = Symbol.for('dszd-term.stages');

type Registry = Record<string, Record<string, unknown> | undefined>;

function getRegistry(): Registry {
  const holder = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (holder[REGISTRY_KEY] ??= {});
}

/**
 * Makes a stage's modules available to the stages after it, by source path without `src/` and `.ts`
 * (`config/terms-config`: shorter in every stage) or package name. The first copy on a page wins: a second copy of
 * the script must not swap the set and settings the first one's terms use.
 */
export function provideModules(modules: Record<string, Record<string, unknown>>): void {
  const registry = getRegistry();
  for (const [name, module] of Object.entries(modules)) registry[name] ??= module;
}

/** A module an earlier stage provided, or undefined when that stage has not run (yet). */
export function findProvidedModule(name: string): Record<string, unknown> | undefined {
  return getRegistry()[name];
}

/** A module an earlier stage provided; throws naming it when that stage has not run. */
export function getProvidedModule(name: string): Record<string, unknown> {
  const module = findProvidedModule(name);
  if (!module) throw new Error(`dszd-term: ${name} is missing: load dszd-term.iife.js first`);
  return module;
}
