/**
 * When each example run may start. A CPU-bound run is timed alone: anything beside it on a
 * 2-core machine would skew the very timings its page compares. Runs that mostly wait (sleeps,
 * sockets, pipes) use almost no CPU, so they may overlap each other, which turns minutes of
 * `time.sleep` into seconds of a cold build; so may short runs that time nothing of their own
 * (`untimed`). One scheduler serves the whole build, whoever asks.
 */

/** `cpu` runs alone; the others share the machine with each other (see the spec's `workload`). */
export type Workload = 'cpu' | 'waiting' | 'untimed';

export interface RunSchedulerOptions {
  /**
   * Most shared (waiting or untimed) runs at once. Waiting runs still start interpreters (spawned
   * children too), and on 2 cores more than 4 at once made start-up, not waiting, the longest part.
   * @default 4
   */
  maxWaiting?: number;
}

interface Queued {
  workload: Workload;
  start: () => void;
}

/**
 * A readers-writer lock over runs: waiting and untimed runs share (up to `maxWaiting`), a CPU
 * run is exclusive. Shared runs go first when both are queued: they finish in the time of the longest
 * one, then CPU runs follow one by one, so the machine switches between the two modes only
 * when new work arrives.
 */
export class RunScheduler {
  readonly #maxWaiting: number;
  #waitingNow = 0;
  #cpuNow = false;
  readonly #queue: Queued[] = [];

  constructor(options: RunSchedulerOptions = {}) {
    this.#maxWaiting = options.maxWaiting ?? 4;
  }

  /** Runs `task` when its workload may start; settles with the task's result. */
  run<T>(workload: Workload, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({
        workload,
        start: () => {
          task()
            .then(resolve, reject)
            .finally(() => {
              if (workload === 'cpu') this.#cpuNow = false;
              else this.#waitingNow -= 1;
              this.#dispatch();
            });
        },
      });
      this.#dispatch();
    });
  }

  #dispatch(): void {
    if (this.#cpuNow) return;
    for (let index = 0; index < this.#queue.length && this.#waitingNow < this.#maxWaiting; ) {
      const item = this.#queue[index]!;
      if (item.workload === 'cpu') {
        index += 1;
        continue;
      }
      this.#queue.splice(index, 1);
      this.#waitingNow += 1;
      item.start();
    }
    if (this.#waitingNow > 0) return;
    const cpu = this.#queue.findIndex((item) => item.workload === 'cpu');
    if (cpu < 0) return;
    const [item] = this.#queue.splice(cpu, 1);
    this.#cpuNow = true;
    item!.start();
  }
}
