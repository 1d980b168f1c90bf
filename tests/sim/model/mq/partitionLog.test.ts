import { describe, expect, it } from 'vitest';
import { DONE, HANDLED, PartitionLog } from '../../../../sim/model/mq/partitionLog';

/** Hands out the next message and marks it processed, as the topic does on a success. */
function process(log: PartitionLog): number {
  const i = log.indexOf(log.next++);
  log.flags[i] = DONE | HANDLED;
  return log.key[i]!;
}

describe('partition log', () => {
  it('keeps every message from the committed offset through growth and compaction', () => {
    const log = new PartitionLog();
    const seen: number[] = [];
    for (let key = 0; key < 1000; key++) {
      log.append(key, key / 10, 1);
      // Consume two of every three appended, committing now and then: the held window slides.
      if (key % 3 !== 2) seen.push(process(log));
      if (key % 50 === 49) log.commit();
    }
    while (log.next < log.end) seen.push(process(log));
    expect(seen).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    log.commit();
    expect(log.committed).toBe(1000);
    expect(log.end).toBe(1000);
  });

  it('a rewind goes back to the commit and counts what was processed since', () => {
    const log = new PartitionLog();
    for (let key = 0; key < 10; key++) log.append(key, 0, 1);
    for (let k = 0; k < 4; k++) process(log);
    log.commit();
    for (let k = 0; k < 3; k++) process(log);
    log.next++; // the eighth is out at the consumer, not processed
    expect(log.rewind()).toBe(3);
    expect(log.next).toBe(4);
    expect(log.committed).toBe(4);
    // The three keep HANDLED (delivering them again is a duplicate) and lose DONE.
    expect([4, 5, 6, 7].map((o) => log.flags[log.indexOf(o)])).toEqual([
      HANDLED,
      HANDLED,
      HANDLED,
      0,
    ]);
    log.commit();
    expect(log.committed).toBe(4);
  });
});
