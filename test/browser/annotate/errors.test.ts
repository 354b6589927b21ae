import { expect } from '@open-wc/testing';
import { annotate, unannotate, type Annotation } from '../../../src/annotate/annotate';
import type { AnnotateOptions } from '../../../src/annotate/options';
import type { DszdAnnotateEvent } from '../../../src/events/annotate-event';
import type { DszdErrorEvent } from '../../../src/events/error-event';
import { annotateDone, nextAnnotate, wrappedTexts } from '../helpers/annotate';
import { mount, unmountAll } from '../helpers/dom';
import { frames } from '../helpers/timing';

let annotation: Annotation | undefined;
let warnings: unknown[][];
let uncaught: unknown[];
const warn = console.warn;
const onError = (event: ErrorEvent) => uncaught.push(event.error);
const onRejection = (event: PromiseRejectionEvent) => uncaught.push(event.reason);

beforeEach(() => {
  warnings = [];
  uncaught = [];
  console.warn = (...args: unknown[]) => void warnings.push(args);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
});
afterEach(() => {
  console.warn = warn;
  window.removeEventListener('error', onError);
  window.removeEventListener('unhandledrejection', onRejection);
  annotation?.remove();
  annotation = undefined;
  unmountAll();
});

/** Collects the dszd-error events reaching `target`. */
function collectErrors(target: EventTarget): DszdErrorEvent[] {
  const events: DszdErrorEvent[] = [];
  target.addEventListener('dszd-error', (event) => events.push(event as DszdErrorEvent));
  return events;
}

describe('annotate: errors are reported, never thrown', () => {
  const badOptions: Array<[string, unknown, RegExp]> = [
    ['occurrence', { occurrence: 'every' }, /option "occurrence" must be "first" or "all", got "every"/],
    ['exclude', { exclude: 'p[' }, /option "exclude" is not a valid CSS selector: "p\["/],
    ['exclude type', { exclude: 3 }, /option "exclude" must be a CSS selector string/],
    ['set', { set: {} }, /option "set" must be a compiled definition set/],
    ['observe', { observe: 'yes' }, /option "observe" must be true or false/],
  ];
  for (const [name, options, message] of badOptions) {
    it(`a bad ${name} option gives one error naming it and no annotation`, async () => {
      const root = mount('<p>数字社会</p>');
      const errors = collectErrors(root);
      const { result, annotation: inert } = await annotateDone(root, options as AnnotateOptions);
      expect(errors).to.have.length(1);
      expect(String((errors[0]!.error as Error).message)).to.match(message);
      expect(errors[0]!.context).to.equal('annotate options');
      expect(warnings).to.have.length(1);
      expect(result).to.deep.equal({ matches: 0, textNodes: 0, ms: 0 });
      expect(root.innerHTML).to.equal('<p>数字社会</p>');
      inert.remove();
    });
  }

  for (const [name, root] of [
    ['null', null],
    ['a string', 'body'],
    ['a text node', document.createTextNode('数字社会')],
  ] as const) {
    it(`a root that is ${name} is reported on the document; the annotation is inert`, async () => {
      const errors = collectErrors(document);
      const inert = annotate(root as unknown as Element);
      expect(await inert.done).to.deep.equal({ matches: 0, textNodes: 0, ms: 0 });
      expect(inert.root).to.equal(null);
      expect(errors).to.have.length(1);
      expect(String((errors[0]!.error as Error).message)).to.match(
        /root must be an Element, Document or ShadowRoot/,
      );
      inert.remove();
      unannotate(root as unknown as Element);
      expect(errors).to.have.length(2);
      expect(uncaught).to.deep.equal([]);
    });
  }

  it('a failure during the pass is reported and done still resolves', async () => {
    const root = mount('<p>数字社会</p><p>城市大脑</p>');
    const errors = collectErrors(root);
    const deleteData = Text.prototype.deleteData;
    Text.prototype.deleteData = () => {
      throw new Error('host broke deleteData');
    };
    try {
      const { result } = await annotateDone(root);
      expect(result.matches).to.equal(0);
    } finally {
      Text.prototype.deleteData = deleteData;
    }
    expect(errors.map((event) => [(event.error as Error).message, event.context])).to.deep.equal([
      ['host broke deleteData', 'annotate'],
    ]);
    await frames(2);
    expect(uncaught).to.deep.equal([]);
  });

  it('a failure in a live batch is reported; the observer goes on', async () => {
    const root = mount('<p>开头</p>');
    const errors = collectErrors(root);
    annotation = annotate(root, { observe: true });
    await annotation.done;
    const deleteData = Text.prototype.deleteData;
    Text.prototype.deleteData = () => {
      throw new Error('host broke deleteData');
    };
    try {
      root.insertAdjacentHTML('beforeend', '<p>数字社会</p>');
      await frames(4);
    } finally {
      Text.prototype.deleteData = deleteData;
    }
    expect(errors.map((event) => event.context)).to.deep.equal(['annotate']);
    const batch = nextAnnotate(root);
    root.insertAdjacentHTML('beforeend', '<p>城市大脑</p>');
    await batch;
    expect(wrappedTexts(root)).to.deep.equal(['城市大脑']);
    expect(uncaught).to.deep.equal([]);
  });

  it('a failure in the mutation observer path is reported, not thrown', async () => {
    const root = mount('<p>开头</p>');
    const errors = collectErrors(root);
    annotation = annotate(root, { observe: true });
    await annotation.done;
    const matches = Element.prototype.matches;
    Element.prototype.matches = function (this: Element, selector: string) {
      if (selector.includes('dszd-term')) throw new Error('host broke matches');
      return matches.call(this, selector);
    } as typeof matches;
    try {
      root.insertAdjacentHTML('beforeend', '<p>数字社会</p>');
      await frames(4);
    } finally {
      Element.prototype.matches = matches;
    }
    expect(errors.map((event) => [(event.error as Error).message, event.context])).to.deep.equal([
      ['host broke matches', 'annotate (live)'],
    ]);
    expect(uncaught).to.deep.equal([]);
  });
});

describe('annotate: done and the dszd-annotate event', () => {
  it('done resolves with the counts and the event carries the same, bubbling and composed', async () => {
    const root = mount(
      '<p>数<b>字</b>社会和城市大脑</p><ul><li>浙农码</li><li>无</li></ul><code>安心码</code>',
    );
    const events: DszdAnnotateEvent[] = [];
    const collect = (event: DszdAnnotateEvent) => events.push(event);
    document.addEventListener('dszd-annotate', collect);
    annotation = annotate(root, { occurrence: 'all' });
    const result = await annotation.done;
    document.removeEventListener('dszd-annotate', collect);
    expect(result.matches).to.equal(3);
    // 数 · 字 · 社会和城市大脑 · 浙农码 · 无 (the code's text is skipped)
    expect(result.textNodes).to.equal(5);
    expect(result.ms).to.be.a('number');
    expect(annotation.matches).to.equal(3);
    expect(events).to.have.length(1);
    expect([events[0]!.matches, events[0]!.textNodes, events[0]!.ms]).to.deep.equal([3, 5, result.ms]);
    expect(events[0]!.target).to.equal(root);
    expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
  });
});
