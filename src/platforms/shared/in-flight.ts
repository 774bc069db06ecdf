/** Work a front end has under way, so its stop() can let it finish, within a bound. */
export class InFlight {
  private readonly work = new Set<Promise<unknown>>();

  track<T>(work: Promise<T>): Promise<T> {
    this.work.add(work);
    const done = () => this.work.delete(work);
    work.then(done, done);
    return work;
  }

  /** Resolves once everything under way has settled, or after `maxMs`, whichever comes first. */
  async settle(maxMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, maxMs);
    });
    await Promise.race([Promise.allSettled([...this.work]), bound]);
    clearTimeout(timer);
  }
}
