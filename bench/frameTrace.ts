/**
 * Main-thread work per animation frame, read from a Chrome trace (`browser.startTracing`): the
 * frame cost the page itself adds, which a vsync-paced browser's frame intervals cannot show (they
 * are 16.7 ms whatever the page does, until a frame is dropped).
 *
 * A frame runs from one BeginMainThreadFrame of the renderer's main thread to the next; its work
 * is the duration of every top-level task (RunTask) that started in it: the snapshot messages the
 * page takes in, its timers, and the frame's own animation callbacks, style, layout, paint and
 * commit. `wallMs` is that work in wall time, `cpuMs` in the thread's CPU time: on two shared cores
 * the main thread waits for a core while the worker and the browser's other threads run, and the
 * difference between the two is that wait.
 */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export interface FrameWork {
  /** Work started in each frame, wall milliseconds. */
  wallMs: number[];
  /** The same in the main thread's CPU time. */
  cpuMs: number[];
  /** Intervals between consecutive frames, milliseconds. */
  intervalMs: number[];
}

export function frameWork(traceJson: string): FrameWork {
  const parsed = JSON.parse(traceJson) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const threadNames = new Map<string, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name')
      threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  }
  // The page's main thread: the renderer main thread that worked most (an idle one may exist).
  const byThread = new Map<string, { tasks: TraceEvent[]; frames: number[]; busy: number }>();
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`;
    if (threadNames.get(thread) !== 'CrRendererMain') continue;
    let entry = byThread.get(thread);
    if (!entry) byThread.set(thread, (entry = { tasks: [], frames: [], busy: 0 }));
    if (e.name === 'RunTask' && e.ph === 'X' && e.dur !== undefined) {
      entry.tasks.push(e);
      entry.busy += e.dur;
    } else if (e.name === 'BeginMainThreadFrame') {
      entry.frames.push(e.ts);
    }
  }
  const main = [...byThread.values()].sort((a, b) => b.busy - a.busy)[0];
  if (!main || main.frames.length < 2) throw new Error('the trace holds no frames of the page');
  const tasks = main.tasks.sort((a, b) => a.ts - b.ts);
  const frames = main.frames.sort((a, b) => a - b);
  const result: FrameWork = { wallMs: [], cpuMs: [], intervalMs: [] };
  let next = 0;
  for (let i = 0; i + 1 < frames.length; i++) {
    const start = frames[i]!;
    const end = frames[i + 1]!;
    while (next < tasks.length && tasks[next]!.ts < start) next++;
    let wall = 0;
    let cpu = 0;
    for (let k = next; k < tasks.length && tasks[k]!.ts < end; k++) {
      wall += tasks[k]!.dur ?? 0;
      cpu += tasks[k]!.tdur ?? tasks[k]!.dur ?? 0;
    }
    result.wallMs.push(wall / 1000);
    result.cpuMs.push(cpu / 1000);
    result.intervalMs.push((end - start) / 1000);
  }
  return result;
}
