import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { literal, html as staticHtml, type StaticValue } from 'lit/static-html.js';
import { copyText } from '../card/copy-text';
import { getLabels, parseCardLang, type Labels } from '../i18n/labels';
import { findEntrySource, listSetParts } from '../config/set-sources';
import { getTermsConfig, watchTermsConfig } from '../config/terms-config';
import { formatCitation } from '../definitions/citation';
import { describeSet } from '../definitions/describe-set';
import { findRelatedEntries, segmentRelated, type TextSegment } from '../definitions/related';
import type { DefinitionEntry, DefinitionSet } from '../definitions/types';
import { reportError } from '../events/error-event';
import { findEntryBySerial } from '../match/find-terms';
import { syncEntryAnchors } from './anchors';
import { glossaryStyles } from './dszd-glossary.styles';
import { getEntryAnchorId, readHashSerial } from '../links/entry-anchor';
import { splitByQuery } from './split-by-query';
import { searchEntries } from './search';

const HEADINGS: Record<number, StaticValue> = {
  2: literal`h2`,
  3: literal`h3`,
  4: literal`h4`,
  5: literal`h5`,
  6: literal`h6`,
};

/**
 * Lists every entry of a definition set — term, aliases, definition, notes and responsible unit — with instant
 * search over all of them and a stable anchor per entry (`#dszd-entry-<serial>`), the target of `data-glossary-url`.
 * The anchors are empty light-DOM children (ids in a shadow root are unreachable by URL fragments); on connect and
 * on `hashchange` the targeted entry is shown (clearing a search that hides it), scrolled to and focused.
 *
 * @summary The whole definition set as a searchable, linkable list.
 *
 * @attr lang - Language of the interface words, as for the card: `en…` for English, `zh…` for Chinese; without it
 *   (or with another language) the `configureTerms({ lang })` setting, Chinese by default. An ancestor's `lang` is not
 *   followed (many Chinese sites ship `<html lang="en">`). The entries are always marked `zh-CN`.
 * @attr query - The search text, kept in step with the search field both ways (absent while the field is empty).
 * @attr unit - Lists only the entries of one unit, as the 解释单位 column prints it (省民政厅); kept in step with the
 *   unit filter both ways (absent while it shows every unit).
 * @attr heading-level - Level of the term headings, 2–6. Default 2.
 *
 * @prop {DefinitionSet | undefined} set - The compiled set to list. Default: the page's set (`configureTerms`: the
 *   page's own sets, then the shipped 数字社会定义集（6.0版）); of several sets, each entry names the one it is from.
 *
 * @slot - Optional content shown above the search field (an introduction, say).
 *
 * @csspart search - The search landmark holding label, field and count.
 * @csspart input - The search field.
 * @csspart count - The live result count (“45 条”, “无匹配”).
 * @csspart source - The line naming the set (or each of the sets), its issuer and date.
 * @csspart entry-source - An entry's own source line, when the list combines several sets.
 * @csspart list - The container of the entries.
 * @csspart entry - One entry (`<article>`); the targeted one also has part `target`.
 * @csspart term - The heading of an entry.
 * @csspart serial - The serial number in the heading.
 * @csspart aliases - The aliases line.
 * @csspart definition - A definition paragraph.
 * @csspart notes - The notes of an entry.
 * @csspart unit - The responsible-unit line.
 * @csspart unit-full-name - The unit's full name in that line.
 * @csspart unit-filter - The unit filter (a select).
 * @csspart related - An entry's 相关名词 line.
 * @csspart related-link - A link to a related entry (in that line, or at its first mention in the text).
 * @csspart copy-button - An entry's 复制 button.
 * @csspart copy-status - The confirmation beside the button after copying (one live region, hidden, announces it).
 * @csspart hit - A stretch of text matching the search.
 *
 * @cssprop --dszd-glossary-accent - Serial badge and target marker colour. Default #0b57d0.
 * @cssprop --dszd-glossary-focus-color - Focus outline colour. Default #0b57d0.
 * @cssprop --dszd-glossary-rule-color - Line between entries. Default: the text colour at 22 %.
 * @cssprop --dszd-glossary-serial-color - Text of the serial badge. Default #fff.
 * @cssprop --dszd-glossary-target-background - Background of the entry the URL points at.
 * @cssprop --dszd-glossary-mark-background - Background of search hits. Default the system `Mark`.
 * @cssprop --dszd-glossary-mark-color - Text of search hits. Default the system `MarkText`.
 * @cssprop --dszd-glossary-input-background - Search field background. Default the system `Field`.
 * @cssprop --dszd-glossary-radius - Corner radius of the search field. Default 0.5rem.
 * @cssprop --dszd-glossary-scroll-margin - Room above an entry scrolled to (for a sticky page header). Default 0.5rem.
 *
 * @event dszd-error - A caught error (see DszdErrorEvent); nothing is thrown into the page.
 * @tagname dszd-glossary
 */
export class DszdGlossary extends LitElement {
  static override styles = glossaryStyles;

  @property({ attribute: false }) set: DefinitionSet | undefined;

  /** The set listed: `set`, else the page's. */
  get listedSet(): DefinitionSet {
    return this.set ?? getTermsConfig().set;
  }

  /** The search text; reflected to the `query` attribute, which is absent while the field is empty. */
  @property({
    reflect: true,
    converter: { fromAttribute: (value) => value ?? '', toAttribute: (value: string) => value || null },
  })
  query = '';

  /** The unit whose entries are listed (as printed); reflected to the `unit` attribute, absent for every unit. */
  @property({
    reflect: true,
    converter: { fromAttribute: (value) => value ?? '', toAttribute: (value: string) => value || null },
  })
  unit = '';

  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** The serial whose cited definition was last copied, and what its status says. */
  @property({ attribute: false }) private copied: { serial: number; message: string } | undefined;

  /** Mirrors the `lang` attribute without redefining the native `lang` property. */
  @property({ attribute: 'lang' }) private uiLang: string | null = null;

  /** The serial the URL fragment points at, if it names an entry of the set. */
  @property({ attribute: false }) private targetSerial: number | undefined;

  #listeners: AbortController | undefined;
  /** The set whose entries have their anchors. */
  #anchored: DefinitionSet | undefined;
  #stopWatchingConfig: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    let listed = this.listedSet;
    this.#stopWatchingConfig = watchTermsConfig(() => {
      this.requestUpdate();
      // The page's sets arrived (fetched): the URL may name one of their entries.
      if (this.listedSet !== listed) void this.#followHash();
      listed = this.listedSet;
    });
    this.#listeners = new AbortController();
    window.addEventListener('hashchange', () => void this.#followHash(), { signal: this.#listeners.signal });
    void this.#followHash();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopWatchingConfig?.();
    this.#stopWatchingConfig = undefined;
    this.#listeners?.abort();
    this.#listeners = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const set = this.listedSet;
    if (changed.has('set') || set !== this.#anchored) {
      this.#anchored = set;
      try {
        syncEntryAnchors(
          this,
          set.entries.map((entry) => entry.serial),
        );
      } catch (error) {
        reportError(this, error, 'glossary anchors');
      }
    }
  }

  protected override render(): unknown {
    try {
      return this.#renderGlossary();
    } catch (error) {
      reportError(this, error, 'glossary render');
      return nothing;
    }
  }

  #renderGlossary(): TemplateResult {
    const labels = getLabels(parseCardLang(this.uiLang) ?? getTermsConfig().lang);
    const set = this.listedSet;
    // one line per set the list combines
    const sourceLines = listSetParts(set).map(
      (part, i) => html`${i ? html`<br />` : nothing}${describeSet(part)}`,
    );
    const found = this.#filter(set, this.query);
    const visible = new Set(found);
    const units = listUnits(set);
    // data-dszd-skip: a page annotator walking open shadow roots must not wrap the glossary's own words.
    return html`
      <slot></slot>
      <div class="search" part="search" role="search" data-dszd-skip>
        <label for="query" lang=${labels.lang}>${labels.search}</label>
        <input
          id="query"
          part="input"
          type="search"
          autocomplete="off"
          spellcheck="false"
          enterkeyhint="search"
          aria-describedby="count"
          .value=${live(this.query)}
          @input=${this.#onInput}
          @search=${this.#onInput}
        />
        <label for="unit" lang=${labels.lang}>${labels.unitFilter}</label>
        <select id="unit" part="unit-filter" .value=${live(this.unit)} @change=${this.#onUnitChange}>
          <option value="" lang=${labels.lang} ?selected=${!this.unit}>${labels.allUnits}</option>
          ${units.map(
            ([printed, name]) =>
              html`<option value=${printed} lang="zh-CN" ?selected=${this.unit === printed}>
                ${name && name !== printed ? `${printed}（${name}）` : printed}
              </option>`,
          )}
        </select>
        <p id="count" class="count" part="count" role="status" lang=${labels.lang}>
          ${found.length ? labels.count(found.length) : labels.noMatches}
        </p>
      </div>
      <p class="source" part="source" lang="zh-CN" data-dszd-skip>${sourceLines}</p>
      <p id="copy-status" class="visually-hidden" role="status" lang=${labels.lang}>
        ${this.copied?.message ?? ''}
      </p>
      <div class="list" part="list" lang="zh-CN" data-dszd-skip>
        ${repeat(
          set.entries,
          (entry) => entry.serial,
          (entry) => this.#renderEntry(entry, labels, visible.has(entry)),
        )}
      </div>
    `;
  }

  #renderEntry(entry: DefinitionEntry, labels: Labels, shown: boolean): TemplateResult {
    // Hidden entries skip the hit search: they re-render when they show again.
    const query = shown ? this.query : '';
    const target = entry.serial === this.targetSerial;
    const id = getEntryAnchorId(entry.serial);
    const set = this.listedSet;
    const segments = segmentRelated(entry, set);
    const related = findRelatedEntries(entry, set);
    return html`
      <article
        class="entry ${target ? 'target' : ''}"
        part="entry ${target ? 'target' : ''}"
        aria-labelledby="term-${entry.serial}"
        data-serial=${entry.serial}
        ?hidden=${!shown}
      >
        <slot name=${id}></slot>
        ${this.#renderHeading(entry, query)}
        ${
          entry.aliases.length
            ? html`<p class="aliases" part="aliases">
                <span class="label" lang=${labels.lang}>${labels.aliases}${labels.separator}</span
                >${entry.aliases.map(
                  (alias, i) => html`${i ? '、' : ''}<span class="alias">${markHits(alias, query)}</span>`,
                )}
              </p>`
            : nothing
        }
        ${segments.definition.map(
          (paragraph) =>
            html`<p class="definition" part="definition">${this.#renderSegments(paragraph, query)}</p>`,
        )}
        ${
          entry.notes.length
            ? html`<div class="notes" part="notes" role="note" aria-label=${labels.notes}>
                ${segments.notes.map(
                  (note) => html`<p class="note">${this.#renderSegments(note, query)}</p>`,
                )}
              </div>`
            : nothing
        }
        ${
          related.length
            ? html`<p class="related" part="related">
                <span class="label" lang=${labels.lang}>${labels.related}${labels.separator}</span
                >${related.map(
                  (other, i) =>
                    html`${i ? '、' : ''}<a part="related-link" href=${entryHref(other.serial)}
                        >${markHits(other.term, query)}</a
                      >`,
                )}
              </p>`
            : nothing
        }
        <p class="unit" part="unit">
          <span class="label" lang=${labels.lang}>${labels.unit}${labels.separator}</span
          ><span class="unit-name">${markHits(entry.unit, query)}</span>${
            entry.unitName && entry.unitName !== entry.unit
              ? // （ and ） as bound strings: the minifier writes strings in ASCII, a template's text as it is, and the
                // script must be ASCII (a page in GBK reads a script served without a charset as GBK)
                html`<span class="unit-full" part="unit-full-name"
                  >${'（'}${markHits(entry.unitName, query)}${'）'}</span
                >`
              : nothing
          }
        </p>
        ${
          listSetParts(set).length > 1
            ? html`<p class="entry-source" part="entry-source">
                <span class="label" lang=${labels.lang}>${labels.source}${labels.separator}</span
                >${describeSet(findEntrySource(entry, set))}
              </p>`
            : nothing
        }
        <div class="actions">
          <button
            class="copy"
            part="copy-button"
            type="button"
            lang=${labels.lang}
            aria-describedby="term-${entry.serial}"
            @click=${(event: Event) => this.#onCopy(event, entry)}
          >
            ${labels.copy}
          </button>
          <span class="copy-status" part="copy-status" lang=${labels.lang}
            >${this.copied?.serial === entry.serial ? this.copied.message : ''}</span
          >
        </div>
      </article>
    `;
  }

  #renderHeading(entry: DefinitionEntry, query: string): TemplateResult {
    const tag = HEADINGS[this.headingLevel] ?? literal`h2`;
    return staticHtml`<${tag} id="term-${entry.serial}" class="term" part="term" tabindex="-1"
      ><span class="serial" part="serial">${entry.serial}</span><span class="term-text"
        >${markHits(entry.term, query)}</span
      ></${tag}>`;
  }

  #onInput(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
  }

  #onUnitChange(event: Event): void {
    this.unit = (event.target as HTMLSelectElement).value;
  }

  /** The entries the search and the unit filter let through. */
  #filter(set: DefinitionSet, query: string): DefinitionEntry[] {
    const found = searchEntries(set, query);
    return this.unit ? found.filter((entry) => entry.unit === this.unit) : found;
  }

  /** Text with search hits marked and each related entry's first mention a link to its anchor. */
  #renderSegments(segments: readonly TextSegment[], query: string): unknown {
    return segments.map((segment) =>
      segment.entry
        ? html`<a part="related-link" href=${entryHref(segment.entry.serial)}
            >${markHits(segment.text, query)}</a
          >`
        : markHits(segment.text, query),
    );
  }

  #onCopy(event: Event, entry: DefinitionEntry): void {
    const button = event.currentTarget as HTMLElement;
    const labels = getLabels(parseCardLang(this.uiLang) ?? getTermsConfig().lang);
    this.copied = undefined;
    copyText(formatCitation(entry, findEntrySource(entry, this.listedSet)), button)
      .then((done) => {
        this.copied = { serial: entry.serial, message: done ? labels.copied : labels.copyFailed };
      })
      .catch((error: unknown) => reportError(this, error, 'glossary copy'));
  }

  /** Shows, scrolls to and focuses the entry the URL fragment names; forgets the target when it names none. */
  async #followHash(): Promise<void> {
    try {
      const serial = readHashSerial(location.hash);
      const set = this.listedSet;
      const entry = serial === undefined ? undefined : findEntryBySerial(serial, set);
      this.targetSerial = entry?.serial;
      if (!entry) return;
      if (!searchEntries(set, this.query).includes(entry)) this.query = '';
      if (this.unit && entry.unit !== this.unit) this.unit = '';
      await this.updateComplete;
      // The browser's own fragment scroll while the page loads focuses the viewport: go after it, not before.
      if (document.readyState !== 'complete') await waitForLoad(this.#listeners?.signal);
      if (!this.isConnected || readHashSerial(location.hash) !== entry.serial) return;
      this.querySelector(`#${getEntryAnchorId(entry.serial)}`)?.scrollIntoView({ block: 'start' });
      this.renderRoot.querySelector<HTMLElement>(`#term-${entry.serial}`)?.focus({ preventScroll: true });
    } catch (error) {
      reportError(this, error, 'glossary anchor');
    }
  }
}

/** Resolves on the window's load event, or when `signal` aborts (the element left the page). */
function waitForLoad(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    window.addEventListener('load', () => resolve(), { once: true, signal });
    signal?.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** The units of a set in order of first appearance: [as printed, full name if the set gives one]. */
function listUnits(set: DefinitionSet): Array<[printed: string, name: string | undefined]> {
  const units = new Map<string, string | undefined>();
  for (const entry of set.entries) if (!units.has(entry.unit)) units.set(entry.unit, entry.unitName);
  return [...units];
}

/** This page's URL with an entry's fragment: a bare "#…" would follow a <base href> to another page. */
function entryHref(serial: number): string {
  return `${location.href.split('#')[0]}#${getEntryAnchorId(serial)}`;
}

/** A text with its search hits in `<mark>`: text bindings only, never HTML. */
function markHits(text: string, query: string): unknown {
  if (!query) return text;
  return splitByQuery(text, query).map((segment) =>
    segment.hit ? html`<mark part="hit">${segment.text}</mark>` : segment.text,
  );
}
