import { expect, fixture, html } from '@open-wc/testing';
import { buildPreviewDocument, renderMatchRows, renderTaggedSource } from '../../../demo/playground-render';
import { PLAYGROUND_SAMPLE } from '../../../demo/playground-sample';
import { annotateHtml } from '../../../src/html/annotate-html';

describe('demo playground', () => {
  it('shows the tagged source as text, with exactly the inserted tags marked', async () => {
    const target = await fixture<HTMLElement>(html`<code></code>`);
    const input = '<p>推进<b>未来</b>社区和<a href="#">城市大脑</a>建设，城市大脑</p>';
    const result = annotateHtml(input, { occurrence: 'all' });

    renderTaggedSource(target, input, result.insertions);

    expect(target.textContent).to.equal(result.html);
    expect([...target.querySelectorAll('mark')].map((mark) => mark.textContent)).to.deep.equal(
      result.insertions.map((insertion) => insertion.text),
    );
    expect(target.querySelectorAll('b, a, p, dszd-term')).to.have.length(0);
    expect(target.querySelectorAll('mark')).to.have.length(6);
  });

  it('tags the sample: split spans joined, links, headings, code and the excluded caption left alone', () => {
    const result = annotateHtml(PLAYGROUND_SAMPLE, { occurrence: 'first', exclude: '.no-terms' });

    expect(result.matches.map((match) => [match.serial, match.pieces])).to.deep.equal([
      [6, 2],
      [23, 1],
      [45, 1],
      [10, 1],
      [4, 1],
      [32, 1],
      [31, 1],
    ]);
    expect(result.matches.find((match) => match.serial === 10)?.text).to.equal('教育“一张图”');
  });

  it('keeps the preview inert and the tagged HTML first', () => {
    const doc = buildPreviewDocument('<!doctype html><p>城市大脑</p>');

    expect(doc.startsWith('<!doctype html><p>城市大脑</p>')).to.equal(true);
    expect(doc).to.contain('<style>');
    expect(doc).not.to.contain('<script');
  });

  it('lists matches as text rows', async () => {
    const table = await fixture<HTMLTableElement>(
      html`<table>
        <tbody></tbody>
      </table>`,
    );
    const tbody = table.tBodies[0]!;

    renderMatchRows(tbody, [
      { serial: 10, term: '教育“一张图”', text: '<i>教育</i>', start: 3, end: 12, pieces: 2 },
    ]);

    expect([...tbody.rows].map((row) => [...row.cells].map((cell) => cell.textContent))).to.deep.equal([
      ['10', '教育“一张图”', '<i>教育</i>', '3–12', '2'],
    ]);
    expect(tbody.querySelectorAll('i')).to.have.length(0);
  });
});
