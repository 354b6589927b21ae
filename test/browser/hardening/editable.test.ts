import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { annotate, type Annotation } from '../../../src/annotate/annotate';
import { wrappedTexts } from '../helpers/annotate';
import { mount, unmountAll } from '../helpers/dom';
import { frames, waitFor } from '../helpers/timing';

let annotation: Annotation | undefined;
afterEach(() => {
  document.designMode = 'off';
  annotation?.remove();
  annotation = undefined;
  unmountAll();
});

async function annotated(root: Element): Promise<Annotation> {
  annotation = annotate(root, { observe: true, occurrence: 'all' });
  await annotation.done;
  return annotation;
}

/** Puts the caret inside the first wrapper's text, `offset` characters in (as a click there would). */
function caretInTerm(root: Element, offset: number): void {
  const piece = root.querySelector('dszd-term')!.firstChild!;
  getSelection()!.collapse(piece, offset);
}

/** What an editor would save: no trace of the annotator. */
function expectClean(html: string): void {
  expect(html).not.to.contain('dszd-term');
  expect(html).not.to.contain('data-dszd');
}

describe('hardening: inline editors', () => {
  it('contenteditable set on the root: unwrapped at once, typing inside a term keeps the caret', async () => {
    const root = mount('<p>推进数字社会建设。</p>');
    await annotated(root);
    caretInTerm(root, 2);
    root.setAttribute('contenteditable', '');
    root.focus();
    await Promise.resolve();
    expectClean(root.innerHTML);
    await sendKeys({ type: 'XY' });
    await frames(2);
    expect(root.textContent).to.equal('推进数字XY社会建设。');
    expectClean(root.innerHTML);
  });

  it('contenteditable set on an ancestor, then removed: the terms come back', async () => {
    const outer = mount('<div><p>推进数字社会建设。</p></div>');
    const root = outer.firstElementChild!;
    await annotated(root);
    caretInTerm(root, 1);
    outer.setAttribute('contenteditable', 'true');
    outer.focus();
    await Promise.resolve();
    await sendKeys({ type: 'ZW' });
    await frames(2);
    expect(root.textContent).to.equal('推进数ZW字社会建设。');
    expectClean(outer.innerHTML);
    outer.removeAttribute('contenteditable');
    root.querySelector('p')!.textContent = '推进城市大脑建设。';
    expect(await waitFor(() => wrappedTexts(root).length === 1, 200), 'annotated again').to.equal(true);
    expect(wrappedTexts(root)).to.deep.equal(['城市大脑']);
  });

  it('an element under the root becomes editable: only it is unwrapped, and annotated again after', async () => {
    const root = mount('<p>推进数字社会建设。</p><p>城市大脑</p>');
    await annotated(root);
    const first = root.firstElementChild as HTMLElement;
    caretInTerm(first, 2);
    first.contentEditable = 'true';
    first.focus();
    await Promise.resolve();
    await sendKeys({ type: 'XY' });
    await frames(2);
    expect(first.textContent).to.equal('推进数字XY社会建设。');
    expectClean(first.innerHTML);
    expect(wrappedTexts(root)).to.deep.equal(['城市大脑']);
    first.removeAttribute('contenteditable');
    first.textContent = '推进未来社区建设。';
    expect(await waitFor(() => wrappedTexts(root).length === 2, 200), 'annotated again').to.equal(true);
    expect(wrappedTexts(root)).to.deep.equal(['未来社区', '城市大脑']);
  });

  it('document.designMode = "on": unwrapped before the first keystroke, the caret kept; resumes when off', async () => {
    const root = mount('<p>推进数字社会建设。</p><p>城市大脑</p>');
    await annotated(root);
    document.designMode = 'on';
    caretInTerm(root, 2);
    await sendKeys({ type: 'XY' });
    await frames(2);
    expect(root.firstElementChild!.textContent).to.equal('推进数字XY社会建设。');
    expectClean(root.innerHTML);
    document.designMode = 'off';
    expect(await waitFor(() => wrappedTexts(root).length > 0, 200), 'annotated again').to.equal(true);
    expect(wrappedTexts(root)).to.deep.equal(['城市大脑']);
  });

  it('a root that is editable from the start is not annotated until it is not', async () => {
    const root = mount('<p>推进数字社会建设。</p>');
    root.setAttribute('contenteditable', '');
    const { matches } = await (await annotated(root)).done;
    expect(matches).to.equal(0);
    expectClean(root.innerHTML);
    root.removeAttribute('contenteditable');
    expect(
      await waitFor(() => wrappedTexts(root).length > 0, 200),
      'annotated after the editor closed',
    ).to.equal(true);
    expect(wrappedTexts(root)).to.deep.equal(['数字社会']);
  });
});
