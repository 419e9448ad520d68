// The latency bench's init script: runs before the page's own scripts (Playwright `addInitScript`).
import type { BenchMarks } from './benchMarks.ts';

function freshMarks(): BenchMarks {
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const marks: BenchMarks = { commits: [], finished };
  // The observer below settles `finished`; keep the resolver out of the page-visible shape.
  finishers.set(marks, finish);
  return marks;
}

const finishers = new WeakMap<BenchMarks, () => void>();
window.__benchReset = () => {
  window.__bench = freshMarks();
};
window.__benchReset();

window.addEventListener(
  'click',
  () => {
    window.__bench.click ??= performance.now();
  },
  { capture: true },
);

// Wrap the container's own `create`: both pages call `navigator.credentials.create` at call time.
const container = navigator.credentials;
const create = container.create.bind(container);
container.create = (options?: CredentialCreationOptions) => {
  const marks = window.__bench;
  marks.create ??= performance.now();
  return create(options).finally(() => {
    marks.created ??= performance.now();
  });
};

// Completion: the first `data-state="success"` in the DOM (the mutation observer runs right after the commit).
new MutationObserver((records) => {
  const marks = window.__bench;
  for (const { target } of records) {
    if (!(target instanceof Element)) continue;
    const state = target.getAttribute('data-state');
    if (state === 'success' && marks.done === undefined) marks.done = performance.now();
    else if (state === 'error' && marks.failed === undefined) marks.failed = target.textContent || 'error';
    else continue;
    finishers.get(marks)?.();
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
