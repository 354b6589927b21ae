const warned = new Set<string>();

/** Warns once per distinct string that a `<dszd-term>` names no entry (it then renders as plain text). */
export function warnUnknownTerm(name: string): void {
  if (warned.has(name)) return;
  warned.add(name);
  console.warn(`dszd-term: no entry for ${JSON.stringify(name)}; shown as plain text.`);
}
