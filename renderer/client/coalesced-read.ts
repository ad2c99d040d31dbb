/**
 * A read that events ask for: while one runs, further asks make one more read after it, never
 * two at once, so a burst of events (a thousand clients' messages) costs two reads, not a thousand.
 */
export function coalescedRead(read: () => Promise<unknown>): { readonly ask: () => void; readonly stop: () => void } {
  let reading = false;
  let again = false;
  let stopped = false;
  const ask = (): void => {
    if (stopped) return;
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    void read().finally(() => {
      reading = false;
      if (again) {
        again = false;
        ask();
      }
    });
  };
  return {
    ask,
    stop: () => {
      stopped = true;
    },
  };
}
