/**
 * A long Chinese article page in realistic markup: headings, paragraphs with inline spans (some splitting a term, as
 * CMS output and Word pastes do), lists, tables, links and code. Seeded, so every run builds the same page.
 */
import { definitionSet } from '../../../src/definitions/definition-set.generated';
import { createRandom } from '../corpus';

const FILLER =
  '的一是在不了有和人这中为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那义事平形相全表间样与关各重新线内正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理';
const INLINE = ['span', 'b', 'em', 'strong', 'font'];

/** Builds the page's HTML; its text (textContent) is at least `minChars` characters long. */
export function buildArticlePage(seed: number, minChars: number): string {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const sentences = definitionSet.entries.flatMap((entry) =>
    [...entry.definition, ...entry.notes].flatMap((paragraph) => paragraph.split('。').filter(Boolean)),
  );
  const names = definitionSet.entries.flatMap((entry) => [entry.term, ...entry.aliases]);
  const filler = (length: number) => Array.from({ length }, () => pick([...FILLER])).join('');

  /** One sentence: from the notice, or filler with a term or two, sometimes split by an inline element. */
  const sentence = (): { html: string; chars: number } => {
    let text: string;
    if (random() < 0.5) text = pick(sentences);
    else
      text = `${filler(8 + Math.floor(random() * 20))}${pick(names)}${filler(10 + Math.floor(random() * 25))}`;
    let html = text;
    const roll = random();
    if (roll < 0.15) {
      // a term split by an inline element
      const name = pick(names);
      const cut = 1 + Math.floor(random() * (name.length - 1));
      const tag = pick(INLINE);
      html = `${text}，${name.slice(0, cut)}<${tag}>${name.slice(cut)}</${tag}>`;
      text = `${text}，${name}`;
    } else if (roll < 0.35) {
      // a styled phrase
      const tag = pick(INLINE);
      const at = Math.floor(random() * text.length);
      const end = Math.min(text.length, at + 2 + Math.floor(random() * 8));
      html = `${text.slice(0, at)}<${tag} class="s${Math.floor(random() * 5)}">${text.slice(at, end)}</${tag}>${text.slice(end)}`;
    } else if (roll < 0.4) {
      const name = pick(names);
      html = `${text}（见<a href="#${encodeURIComponent(name)}">${name}</a>）`;
      text = `${text}（见${name}）`;
    }
    return { html: `${html}。`, chars: text.length + 1 };
  };
  const sentences3 = (count: number) => {
    let html = '';
    let chars = 0;
    for (let i = 0; i < count; i++) {
      const one = sentence();
      html += one.html;
      chars += one.chars;
    }
    return { html, chars };
  };

  const parts: string[] = ['<article>'];
  let total = 0;
  let section = 0;
  while (total < minChars) {
    const heading = `${++section}. ${pick(names)}`;
    parts.push(`<section><h2>${heading}</h2>`);
    total += heading.length;
    const blocks = 4 + Math.floor(random() * 6);
    for (let b = 0; b < blocks; b++) {
      const roll = random();
      if (roll < 0.65) {
        const { html, chars } = sentences3(2 + Math.floor(random() * 6));
        parts.push(`<p>${html}</p>`);
        total += chars;
      } else if (roll < 0.8) {
        parts.push('<ul>');
        for (let i = 0, n = 3 + Math.floor(random() * 5); i < n; i++) {
          const { html, chars } = sentences3(1);
          parts.push(`<li>${html}</li>`);
          total += chars;
        }
        parts.push('</ul>');
      } else if (roll < 0.93) {
        parts.push('<table><tbody>');
        for (let r = 0, rows = 2 + Math.floor(random() * 5); r < rows; r++) {
          parts.push('<tr>');
          for (let c = 0; c < 3; c++) {
            const cell = random() < 0.5 ? pick(names) : filler(4 + Math.floor(random() * 10));
            parts.push(`<td>${cell}</td>`);
            total += cell.length;
          }
          parts.push('</tr>');
        }
        parts.push('</tbody></table>');
      } else {
        const code = `const term = "${pick(names)}";`;
        parts.push(`<pre><code>${code}</code></pre>`);
        total += code.length;
      }
    }
    parts.push('</section>');
  }
  parts.push('</article>');
  return parts.join('');
}
