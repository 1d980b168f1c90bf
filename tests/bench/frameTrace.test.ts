import { describe, expect, it } from 'vitest';
import { frameWork } from '../../bench/frameTrace';

const thread = (pid: number, tid: number, name: string) => ({
  name: 'thread_name',
  ph: 'M',
  pid,
  tid,
  ts: 0,
  args: { name },
});
const task = (tid: number, ts: number, dur: number, tdur: number) => ({
  name: 'RunTask',
  ph: 'X',
  pid: 1,
  tid,
  ts,
  dur,
  tdur,
});
const frame = (tid: number, ts: number) => ({
  name: 'BeginMainThreadFrame',
  ph: 'I',
  pid: 1,
  tid,
  ts,
});

describe('frameWork', () => {
  const events = [
    thread(1, 10, 'CrRendererMain'),
    thread(1, 20, 'CrRendererMain'),
    thread(1, 30, 'DedicatedWorker thread'),
    // An idle second renderer main thread (about:blank) and a busy worker are not the page's.
    frame(20, 0),
    frame(20, 16_667),
    task(30, 0, 900_000, 900_000),
    // The page: four frames, so three whole ones.
    frame(10, 0),
    frame(10, 16_667),
    frame(10, 33_333),
    frame(10, 50_000),
    task(10, -5_000, 4_000, 4_000), // before the first frame: not counted
    task(10, 1_000, 3_000, 2_000),
    task(10, 9_000, 1_000, 1_000),
    task(10, 17_000, 20_000, 15_000), // runs past its frame's end: all of it counts for its frame
    task(10, 40_000, 1_500, 500),
    task(10, 60_000, 2_000, 2_000), // after the last frame began: its frame did not end
  ];

  it('adds up the tasks that started in each frame, in wall and CPU time', () => {
    const work = frameWork(JSON.stringify({ traceEvents: events }));
    expect(work.wallMs).toEqual([4, 20, 1.5]);
    expect(work.cpuMs).toEqual([3, 15, 0.5]);
    expect(work.intervalMs).toEqual([16.667, 16.666, 16.667]);
  });

  it('takes the array form of a trace too', () => {
    expect(frameWork(JSON.stringify(events)).wallMs).toEqual([4, 20, 1.5]);
  });

  it('says so when the trace holds no frames of the page', () => {
    expect(() => frameWork(JSON.stringify([thread(1, 10, 'CrRendererMain')]))).toThrow(/no frames/);
  });
});
