import { noChange, nothing, type ElementPart } from 'lit';
import { Directive, directive, type DirectiveResult } from 'lit/directive.js';

/** CSS properties by their CSS names (`clip-path`, not `clipPath`). */
export type CssProps = Readonly<Record<string, string>>;

/**
 * Sets inline CSS properties through the CSSOM only (`style.setProperty`), as an element binding:
 * `<div ${cssProps({ left: '4px' })}>`. Never writes a `style` attribute, which a Content-Security-Policy
 * without 'unsafe-inline' in style-src blocks (Lit's styleMap writes the attribute on its first render).
 * Properties left out of a later value are removed.
 */
class CssPropsDirective extends Directive {
  #previous = new Set<string>();

  render(_props: CssProps): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [props]: [CssProps]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const name of this.#previous) if (!(name in props)) style.removeProperty(name);
    for (const [name, value] of Object.entries(props)) style.setProperty(name, value);
    this.#previous = new Set(Object.keys(props));
    return noChange;
  }
}

// Typed through lit/directive.js: the emitted declaration must not name lit-html, which is not a dependency.
export const cssProps: (props: CssProps) => DirectiveResult<typeof CssPropsDirective> =
  directive(CssPropsDirective);
