/**
 * Runs API handlers one per turn of the event loop, in arrival order. Between two of them Node
 * reads sockets and answers what needs no handler (/health, WebSocket frames, static files), so a
 * burst of requests cannot hold everyone else until the whole burst is done.
 */
export class HandlerTurns {
  readonly #waiting: (() => void)[] = [];
  #scheduled = false;

  /** Resolves when it is this request's turn; its handler then runs before the next turn. */
  wait(): Promise<void> {
    return new Promise((resolve) => {
      this.#waiting.push(resolve);
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    // an immediate queued while immediates run waits for the next loop, after the poll phase
    setImmediate(() => {
      this.#scheduled = false;
      this.#waiting.shift()?.();
      if (this.#waiting.length > 0) this.#schedule();
    });
  }
}
