// <dszd-term-index> on its own, made as the highlight session makes it: what it keeps across updates, where its
// words come from, and that a failing update is reported instead of reaching the page.
import { expect } from '@open-wc/testing';
import type { DszdTermIndex, IndexEntry } from '../../../src/annotate/highlight/dszd-term-index';
import { createTermIndex } from '../../../src/annotate/highlight/term-index';
import { configureTerms, resetTermsConfig } from '../../../src/config/terms-config';
import { TERM_INDEX_TAG } from '../../../src/elements/define';
import type { DszdTerm } from '../../../src/term/dszd-term';
import { mount } from '../helpers/dom';

let index: DszdTermIndex | undefined;
let errors: unknown[] = [];
afterEach(() => {
  index?.remove();
  index = undefined;
  errors = [];
  resetTermsConfig();
  document.querySelectorAll('body > div').forEach((element) => element.remove());
});

function makeIndex(): DszdTermIndex {
  index = createTermIndex(document, mount('<p>正文</p>'), {
    set: undefined,
    onStep: () => undefined,
    onClose: () => undefined,
    onError: (error) => errors.push(error),
  });
  return index;
}

const entries = (...terms: Array<[number, string]>): IndexEntry[] =>
  terms.map(([serial, term]) => ({ serial, term }));

function listed(element: DszdTermIndex): DszdTerm[] {
  return [...element.shadowRoot!.querySelectorAll<DszdTerm>('[part~="list"] > li > dszd-term')];
}

describe('<dszd-term-index>', () => {
  it('is the registered Lit element, hidden and first in <body> until it has entries', async () => {
    const element = makeIndex();
    await element.updateComplete;
    expect(customElements.get(TERM_INDEX_TAG)).to.equal(element.constructor);
    expect(document.body.firstElementChild).to.equal(element);
    expect(element.hasAttribute('data-dszd-skip')).to.equal(true);
    expect(element.hidden).to.equal(true);
    element.entries = entries([7, '城市大脑']);
    await element.updateComplete;
    expect(element.hidden).to.equal(false);
    expect(element.lang).to.equal('zh-CN');
  });

  it('keeps the term of an entry still listed (it may be the open card’s trigger) and follows the new order', async () => {
    const element = makeIndex();
    element.entries = entries([7, '城市大脑'], [1, '数字社会'], [9, '浙农码']);
    await element.updateComplete;
    const [brain, society] = listed(element);
    element.entries = entries([1, '数字社会'], [12, '未来社区'], [7, '城市大脑']);
    await element.updateComplete;
    const now = listed(element);
    expect(now.map((term) => term.textContent)).to.deep.equal(['数字社会', '未来社区', '城市大脑']);
    expect(now[0]).to.equal(society);
    expect(now[2]).to.equal(brain);
    expect(element.triggerFor(7)).to.equal(brain);
    expect(element.triggerFor(9)).to.equal(undefined);
    expect(now[1]!.getAttribute('term')).to.equal('未来社区');
  });

  it('does not render again for the same entries in a new array', async () => {
    const element = makeIndex();
    element.entries = entries([7, '城市大脑']);
    await element.updateComplete;
    element.entries = entries([7, '城市大脑']);
    expect(element.isUpdatePending).to.equal(false);
    element.entries = entries([7, '城市大脑'], [1, '数字社会']);
    expect(element.isUpdatePending).to.equal(true);
  });

  it('takes its words from the shared label table in the configured language', async () => {
    configureTerms({ lang: 'en' });
    const element = makeIndex();
    element.entries = entries([7, '城市大脑'], [1, '数字社会']);
    await element.updateComplete;
    const part = (name: string) => element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
    expect(element.lang).to.equal('en');
    expect(part('toggle').textContent).to.equal('Term definitions (2)');
    expect(part('panel').getAttribute('aria-label')).to.equal('Term definitions on this page');
    expect(element.shadowRoot!.querySelector('.hint')!.textContent).to.match(/^Tab or ↑↓/);
  });

  it('reports an update that throws through the session, and nothing reaches the page', async () => {
    const element = makeIndex();
    const uncaught: unknown[] = [];
    const onError = (event: ErrorEvent) => uncaught.push(event.error);
    const onRejection = (event: PromiseRejectionEvent) => uncaught.push(event.reason);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      const broken = entries([7, '城市大脑']);
      broken[Symbol.iterator] = () => {
        throw new Error('broken entries');
      };
      element.entries = broken;
      await element.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 0));
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    }
    expect(errors.map(String)).to.deep.equal(['Error: broken entries']);
    expect(uncaught).to.deep.equal([]);
    // the next update works again
    element.entries = entries([1, '数字社会']);
    await element.updateComplete;
    expect(listed(element).map((term) => term.textContent)).to.deep.equal(['数字社会']);
  });
});
