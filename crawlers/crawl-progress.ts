/** Where one source's crawl stands; sent to `onProgress` as it moves on. */
export interface CrawlProgress {
  readonly sourceId: string;
  readonly phase: 'discovering' | 'fetching' | 'done';
  /** Pages this run will try to fetch (known after discovery). */
  readonly toFetch: number;
  /** Pages fetched so far. */
  readonly fetched: number;
  /** Pages and listings that failed so far. */
  readonly failed: number;
}

/** Receives progress events; must not throw (a throw is ignored). */
export type ProgressListener = (progress: CrawlProgress) => void;
