/**
 * Holds one write (the latest scheduled) for `later` frames after the next animation frame. A
 * snapshot arrives between frames and the next frame renders what it changed; a write put off to
 * a later frame is rendered on its own, so one snapshot's work is spread over several frames
 * instead of lengthening one (bench:ui, lesson 11 at "max": the station table alone was about
 * half of a snapshot's frame).
 */
export class FollowingFrameWrite {
  private pending: (() => void) | null = null;
  private handle: number | null = null;

  constructor(
    private readonly later = 1,
    private readonly frames: {
      request(callback: () => void): number;
      cancel(handle: number): void;
    } = {
      request: (callback) => requestAnimationFrame(callback),
      cancel: (handle) => cancelAnimationFrame(handle),
    },
  ) {}

  /** Replaces any write still waiting; it runs `later` frames after the next one. */
  schedule(write: () => void): void {
    this.pending = write;
    if (this.handle !== null) return;
    // A callback asked for between frames runs in the next one; each hop waits one frame more.
    const hop = (hopsLeft: number) => {
      this.handle = this.frames.request(() => (hopsLeft > 0 ? hop(hopsLeft - 1) : this.flush()));
    };
    hop(this.later);
  }

  /** Runs the waiting write now, if there is one. */
  flush(): void {
    const write = this.pending;
    this.cancel();
    write?.();
  }

  /** Drops the waiting write. */
  cancel(): void {
    if (this.handle !== null) this.frames.cancel(this.handle);
    this.handle = null;
    this.pending = null;
  }
}
