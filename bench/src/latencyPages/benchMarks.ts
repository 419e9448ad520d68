// What the latency bench records in its pages (bench/src/latency.ts): the instrumentation writes
// `window.__bench`, each page answers `window.__benchReady()`.

/** One React commit of the measured component. */
export interface BenchCommit {
  /** `performance.now()` when React called `onRender`. */
  at: number;
  /** The component's `data-state` after that commit. */
  phase: string;
  /** The Profiler's `actualDuration`: ms spent rendering in that commit (0 when everything bailed out). */
  duration: number;
}

/** The timestamps (`performance.now()`, ms) of one registration, reset by the bench before each click. */
export interface BenchMarks {
  /** The click, from a capture-phase listener on `window`. */
  click?: number;
  /** `navigator.credentials.create` called. */
  create?: number;
  /** Its promise settled: the authenticator answered. */
  created?: number;
  /** An element's `data-state` became `success`: the registration is visible. */
  done?: number;
  /** An element's `data-state` became `error`, with its text. */
  failed?: string;
  /** Profiler commits (credkit page only). */
  commits: BenchCommit[];
  /** Settles when `done` or `failed` is set. */
  finished: Promise<void>;
}

declare global {
  interface Window {
    __bench: BenchMarks;
    /** Resets `__bench` for the next registration. */
    __benchReset: () => void;
    /** True when the page can take the next click: idle, and (when it prefetches) its challenge is in. */
    __benchReady: () => boolean;
  }
}
