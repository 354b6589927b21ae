import { expect } from '@open-wc/testing';
import { toLiveRange } from '../../../src/annotate/highlight/range-geometry';
import { TERM_INDEX_TAG as INDEX_TAG } from '../../../src/elements/define';
import { waitFor } from '../helpers/timing';
import { closeFixtures, openFixture } from '../helpers/fixture';

afterEach(closeFixtures);

describe('the drop-in script: data-mode', () => {
  it('data-mode="highlight" highlights the page and leaves <body> as the HTML has it', async () => {
    const { win, originalBody: body } = await openFixture(
      'auto-highlight',
      '/test/browser/highlight/fixtures/',
    );
    expect(await waitFor(() => !!win.dszdTerm?.annotation, 600)).to.equal(true);
    const annotation = win.dszdTerm!.annotation!;
    await annotation.done;
    expect(annotation.mode).to.equal('highlight');
    expect(win.document.body.innerHTML).to.equal(body);
    const ranges = [...(win.CSS.highlights.get('dszd-term') ?? [])].map((range) =>
      toLiveRange(range).toString(),
    );
    expect(ranges.sort()).to.deep.equal(['数字社会', '未来社区']);
    // The control sits before <body>, outside the annotated root.
    expect(win.document.body.previousElementSibling?.localName).to.equal(INDEX_TAG);
  });
});
