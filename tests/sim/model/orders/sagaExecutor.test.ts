import { describe, expect, it } from 'vitest';
import { SagaExecutor, type QueuedStep } from '../../../../sim/model/orders/sagaExecutor';

const task = (orderId: number): QueuedStep => ({ orderId, step: 1, attempt: 1 });
const always = () => true;

describe('the background pool of async creation (fixed pool, bounded queue, AbortPolicy)', () => {
  it('runs while threads are free, queues next, rejects when the queue is full', () => {
    const e = new SagaExecutor({ threads: 2, queueCapacity: 1 });
    expect(e.offer(task(1), 0)).toBe('run');
    expect(e.offer(task(2), 0)).toBe('run');
    expect(e.offer(task(3), 0)).toBe('queued');
    expect(e.offer(task(4), 0)).toBe('rejected');
    expect([e.active, e.queued, e.rejected, e.maxQueued]).toEqual([2, 1, 1, 1]);
    // A freed thread takes the queued task (FIFO) and stays busy; the next one goes idle.
    expect(e.release(1, always)).toEqual(task(3));
    expect([e.active, e.queued]).toEqual([2, 0]);
    expect(e.release(2, always)).toBeNull();
    expect(e.active).toBe(1);
  });

  it('drops queued tasks the saga no longer wants and serves the rest in order', () => {
    const e = new SagaExecutor({ threads: 1, queueCapacity: 10 });
    e.offer(task(0), 0);
    for (let i = 1; i <= 5; i++) e.offer(task(i), 0);
    const wanted = (t: QueuedStep) => t.orderId % 2 === 0;
    expect(e.release(1, wanted)?.orderId).toBe(2);
    expect(e.release(2, wanted)?.orderId).toBe(4);
    expect(e.release(3, wanted)).toBeNull();
    expect([e.active, e.queued]).toEqual([0, 0]);
  });

  it('a queue of capacity 0 rejects as soon as every thread is busy', () => {
    const e = new SagaExecutor({ threads: 1, queueCapacity: 0 });
    expect(e.offer(task(1), 0)).toBe('run');
    expect(e.offer(task(2), 0)).toBe('rejected');
  });

  it('means are time averages of busy threads and queued tasks', () => {
    const e = new SagaExecutor({ threads: 1, queueCapacity: 5 });
    e.offer(task(1), 0); // 1 busy from 0
    e.offer(task(2), 2); // 1 queued from 2
    e.release(4, always); // task 2 takes the thread at 4: busy 1, queued 0
    e.release(6, always); // idle from 6
    // busy: 6 s of 10; queued: 2 s of 10.
    expect(e.means(10)).toEqual({ active: 0.6, queued: 0.2 });
  });

  it('keeps serving in order across a long queue (the array is compacted as it drains)', () => {
    const e = new SagaExecutor({ threads: 1, queueCapacity: 5000 });
    e.offer(task(-1), 0);
    for (let i = 0; i < 5000; i++) e.offer(task(i), 0);
    const served: number[] = [];
    for (let i = 0; i < 5000; i++) served.push(e.release(i, always)!.orderId);
    expect(served).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    expect(e.release(5000, always)).toBeNull();
  });
});
