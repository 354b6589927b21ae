// Which templates the build plugin touches: lit's css/html/svg (under any local name), nested ones, nothing else.
import { describe, expect, it } from 'vitest';
import { minifyTemplatesIn } from './minify-lit-templates';

describe('minifyTemplatesIn', () => {
  it('minifies css and html templates imported from lit, nested templates and renamed tags included', () => {
    const source = [
      "import { css, html as litHtml, svg } from 'lit';",
      "import { html as staticHtml } from 'lit/static-html.js';",
      'const width = 12;',
      'export const styles = css`',
      '  .a {',
      '    width: ${width}px; /* why */',
      '  }',
      '`;',
      'export const view = (items: string[]) => litHtml`<ul\n  class="list"\n>',
      '  ${items.map((item) => litHtml`<li\n    >${item}</li\n  >`)}',
      '</ul>`;',
      'export const icon = svg`<path\n  d="M0 0"\n/>`;',
      'export const tagged = (tag: unknown) => staticHtml`<${tag}\n  id="x"\n></${tag}>`;',
    ].join('\n');
    expect(minifyTemplatesIn(source)).toBe(
      [
        "import { css, html as litHtml, svg } from 'lit';",
        "import { html as staticHtml } from 'lit/static-html.js';",
        'const width = 12;',
        'export const styles = css`.a{width:${width}px}`;',
        'export const view = (items: string[]) => litHtml`<ul class="list"> ${items.map((item) => litHtml`<li>${item}</li>`)} </ul>`;',
        'export const icon = svg`<path d="M0 0" />`;',
        'export const tagged = (tag: unknown) => staticHtml`<${tag} id="x"></${tag}>`;',
      ].join('\n'),
    );
  });

  it('leaves templates of other tags and of type-only or foreign imports alone', () => {
    const source = [
      "import type { css } from 'lit';",
      "import { html } from './not-lit';",
      'const a = css`  .a { x: 1 }  `;',
      'const b = html`<p\n  >  x</p>`;',
      'const c = String.raw`  <p>  </p>  `;',
    ].join('\n');
    expect(minifyTemplatesIn(source)).toBe(source);
  });

  it('keeps a template it must not touch as written', () => {
    const source = "import { html } from 'lit';\nconst a = html`<pre>\n  x\n</pre>`;";
    expect(minifyTemplatesIn(source)).toBe(source);
  });
});
