/**
 * Batches writes without a timer: the first item is written at once, items
 * that arrive meanwhile go together in the next write. Each `add` resolves
 * when its own item has been written (or rejects with the write's error), so
 * a caller can wait for durability without losing the benefit of batches.
 */
export class GroupCommit<T> {
  readonly #write: (items: T[]) => Promise<void>;
  readonly #maxBatch: number;
  readonly #pending: { item: T; resolve: () => void; reject: (error: unknown) => void }[] = [];
  #running: Promise<void> | null = null;

  constructor(write: (items: T[]) => Promise<void>, maxBatch: number) {
    this.#write = write;
    this.#maxBatch = maxBatch;
  }

  add(item: T): Promise<void> {
    const done = new Promise<void>((resolve, reject) => this.#pending.push({ item, resolve, reject }));
    this.#running ??= this.#drain();
    return done;
  }

  /** Resolves when every item added so far is written. */
  async settle(): Promise<void> {
    while (this.#running !== null) await this.#running;
  }

  async #drain(): Promise<void> {
    while (this.#pending.length > 0) {
      const batch = this.#pending.splice(0, this.#maxBatch);
      try {
        await this.#write(batch.map((entry) => entry.item));
        for (const entry of batch) entry.resolve();
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    this.#running = null;
  }
}
