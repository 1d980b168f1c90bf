import type { Kernel } from '../../kernel/kernel';

export interface ScannerConfig {
  /** Seconds between scans. */
  readonly interval: number;
  /** An attempt waiting longer than this is declared lost. */
  readonly stuckAfter: number;
}

/**
 * The scheduled compensation job (the critical path of compensation): every `interval` seconds
 * it scans the persisted order states and hands `scan` the time before which a waiting attempt
 * counts as lost. It is how Brandur's "completer" resumes unfinished work (SEMANTICS.md
 * section 2), and the only thing that moves a saga whose reply was lost with a crashed instance.
 */
export class OrderScanner {
  private readonly onTick = () => {
    this.scan(this.kernel.now - this.config.stuckAfter);
    this.kernel.schedule(this.config.interval, this.onTick);
  };

  constructor(
    private readonly config: ScannerConfig,
    private readonly kernel: Kernel,
    private readonly scan: (stuckBefore: number) => void,
  ) {}

  start(): void {
    this.kernel.schedule(this.config.interval, this.onTick);
  }
}
