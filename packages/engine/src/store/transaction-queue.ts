/**
 * Runs transactions of one connection one at a time, in arrival order. (PostgresStore also queues
 * the writes of one lane with it.)
 *
 * The embedded stores have one connection (SQLite) or one set of maps (memory) per process. Their
 * work is synchronous, but a transaction's callback is asynchronous: without a queue, a second
 * request could start its statements while the first one's callback awaits, inside the first one's
 * transaction (reading its uncommitted rows, or committing them with its own). The queue gives each
 * transaction the connection to itself from its `BEGIN` to its `COMMIT` or `ROLLBACK`. Since nothing
 * inside waits for I/O, the queue costs microtasks, not throughput: the process did one
 * transaction at a time before the port was asynchronous too.
 */
export class TransactionQueue {
  #tail: Promise<unknown> = Promise.resolve();
  #pending = 0;

  /** Runs `task` once every task queued before it has settled; resolves or rejects as it does. */
  run<T>(task: () => Promise<T>): Promise<T> {
    // Idle: start at once (the common case), without waiting for a resolved promise's turn.
    const result = this.#pending === 0 ? task() : this.#tail.then(task);
    this.#pending++;
    const settled = result.then(
      () => {
        this.#pending--;
      },
      () => {
        this.#pending--;
      },
    );
    this.#tail = settled;
    return result;
  }
}
