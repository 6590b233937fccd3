/**
 * An event that ends pending work early (Ctrl-C, a worker thread that died): `race(work)`
 * settles with `work`, or with the trip's outcome if that comes first.
 *
 * Why not `Promise.race([work, tripped])`: each such race adds a reaction to `tripped`, and
 * while `tripped` stays pending (it usually never settles) every reaction keeps its race's
 * promise reachable, and with it the value it settled with. A batch that raced each document
 * against Ctrl-C kept every record it had written: ~100 KB of memory per document, without end
 * (docs/performance.md). A race here forgets its work once that settles.
 */
export interface Tripwire<T> {
  /** Settles every pending race, and each later one at once, with `outcome`. Only the first trip counts. */
  trip(outcome: TripOutcome<T>): void;
  /** `work`'s outcome, or the trip's if the wire is tripped first. */
  race<R>(work: Promise<R>): Promise<R | T>;
  /** Races still waiting for their work (those the wire would settle on a trip). */
  readonly waiting: number;
}

export type TripOutcome<T> = { value: T } | { error: Error };

interface Waiter<T> {
  resolve: (value: T) => void;
  reject: (error: Error) => void;
}

export function createTripwire<T = never>(): Tripwire<T> {
  let tripped: TripOutcome<T> | null = null;
  const waiters = new Set<Waiter<T>>();
  const settle = (waiter: Waiter<T>, outcome: TripOutcome<T>): void => {
    if ("error" in outcome) waiter.reject(outcome.error);
    else waiter.resolve(outcome.value);
  };
  return {
    trip(outcome) {
      if (tripped !== null) return;
      tripped = outcome;
      for (const waiter of waiters) settle(waiter, outcome);
      waiters.clear();
    },
    race<R>(work: Promise<R>): Promise<R | T> {
      return new Promise<R | T>((resolve, reject) => {
        const waiter: Waiter<T> = { resolve, reject };
        // The work's own outcome is always taken (so a late rejection is never unhandled); after
        // a trip it finds the race settled already.
        work.then(
          (value) => {
            waiters.delete(waiter);
            resolve(value);
          },
          (error: unknown) => {
            waiters.delete(waiter);
            reject(error);
          },
        );
        if (tripped !== null) settle(waiter, tripped);
        else waiters.add(waiter);
      });
    },
    get waiting() {
      return waiters.size;
    },
  };
}
