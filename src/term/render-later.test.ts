import { afterEach, describe, expect, it, vi } from 'vitest';
import { SLICE_BUDGET_MS } from '../live/schedule';
import { renderLater } from './render-later';

/** Resolves once every task queued so far (and their microtasks) has run. */
const tasks = (count = 1): Promise<void> =>
  new Promise((resolve) => {
    const next = (left: number) => (left ? setTimeout(() => next(left - 1), 0) : resolve());
    next(count);
  });

/** Flushes microtasks only: no task runs meanwhile. */
async function microtasks(count = 50): Promise<void> {
  for (let i = 0; i < count; i++) await undefined;
}

describe('renderLater', () => {
  afterEach(() => vi.restoreAllMocks());

  it('calls each render once, in the order asked, also when asked again while it waits', async () => {
    const calls: string[] = [];
    const a = () => calls.push('a');
    const b = () => calls.push('b');
    const c = () => calls.push('c');
    renderLater(a);
    renderLater(b);
    renderLater(a);
    renderLater(c);
    await tasks(3);
    expect(calls).to.deep.equal(['a', 'b', 'c']);
    // asked again once it ran: runs again
    renderLater(a);
    await tasks(3);
    expect(calls).to.deep.equal(['a', 'b', 'c', 'a']);
  });

  it('lets a task run between slices of about SLICE_BUDGET_MS, counting the microtask each render asks for', async () => {
    // each render asks for its work in a microtask, as a term's requestUpdate does; the clock moves 3 ms a call
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const done: number[] = [];
    const perRender = 3;
    for (let i = 0; i < 12; i++)
      renderLater(() => void Promise.resolve().then(() => ((clock += perRender), done.push(i))));
    await microtasks();
    // a slice ends once its time passed the budget: the first render past it is the slice's last
    const perSlice = Math.floor(SLICE_BUDGET_MS / perRender) + 1;
    expect(done, 'the first slice, then a task').to.deep.equal([...Array(perSlice).keys()]);
    await tasks(20);
    expect(done).to.deep.equal([...Array(12).keys()]);
  });

  it('logs a render that throws and goes on with the others', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const calls: number[] = [];
    renderLater(() => calls.push(1));
    renderLater(() => {
      throw new Error('broken term');
    });
    renderLater(() => calls.push(3));
    await tasks(3);
    expect(calls).to.deep.equal([1, 3]);
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]![1])).to.contain('broken term');
  });
});
