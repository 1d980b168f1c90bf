import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { median } from './measure';
import { runLunchPeak } from './lunchPeak';

/**
 * `npm run bench:ui`: the page under load. It serves the built app (`vite preview`), opens
 * lesson 11 (full scale) in Chromium, runs it as fast as the worker can for WALL_SECONDS, and
 * reports the main thread's frame times (p50, p95 from requestAnimationFrame: the UI must stay
 * smooth while the worker runs flat out) and the worker's simulated seconds per wall second,
 * beside the CLI's on the same lesson and machine. One JSON line on stdout.
 *
 * Targets (issue 5): frame p95 under 16.7 ms; the worker within 20% of the CLI.
 */
const PORT = 4174;
/** Records the time between animation frames on the page's main thread into window.frameTimes. */
const FRAME_TIMER = `(() => {
  window.frameTimes = [];
  let last = performance.now();
  function tick(now) {
    window.frameTimes.push(now - last);
    last = now;
    requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
})()`;
const WALL_SECONDS = Number(process.env.UI_BENCH_SECONDS ?? 30);
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`preview server did not start at ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function main(): Promise<void> {
  process.stderr.write('bench:ui: building the app\n');
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
  const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
    stdio: 'ignore',
    detached: true,
  });
  const url = `http://localhost:${PORT}`;
  try {
    await waitForServer(url, 60_000);
    const browser = await chromium.launch({
      ...(existsSync(DEBIAN_CHROMIUM) ? { executablePath: DEBIAN_CHROMIUM } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${url}/?preset=lunch-peak`);
    await page.getByTestId('sim-clock').waitFor();
    await page.getByRole('radio', { name: 'max', exact: true }).check();
    // Frame times from the page's own animation frames, collected in the page.
    // A string, not a function: tsx compiles functions with esbuild's keepNames, whose __name
    // helper does not exist in the page.
    await page.evaluate(FRAME_TIMER);
    const clock = page.getByTestId('sim-clock');
    const seconds = async () => Number(await clock.getAttribute('data-seconds'));
    await page.getByTestId('play-pause').click();
    // The first seconds include the worker's setup (building 90 stations, preloading caches).
    await page.waitForFunction(
      () =>
        Number(document.querySelector('[data-testid="sim-clock"]')?.getAttribute('data-seconds')) >
        0.5,
      undefined,
      { timeout: 120_000 },
    );
    await page.evaluate(() => ((window as unknown as { frameTimes: number[] }).frameTimes = []));
    const simStart = await seconds();
    const wallStart = Date.now();
    await page.waitForTimeout(WALL_SECONDS * 1000);
    const simEnd = await seconds();
    const wall = (Date.now() - wallStart) / 1000;
    const frames = await page.evaluate(
      () => (window as unknown as { frameTimes: number[] }).frameTimes,
    );
    await browser.close();
    const sorted = [...frames].sort((a, b) => a - b);
    const worker = (simEnd - simStart) / wall;
    process.stderr.write('bench:ui: the CLI on the same lesson, for comparison\n');
    const cli = runLunchPeak(Math.max(20, Math.ceil((simEnd - simStart) * 1.5)), 10);
    const result = {
      name: 'ui-lunch-peak',
      frames: frames.length,
      frameP50Ms: Math.round(quantile(sorted, 0.5) * 10) / 10,
      frameP95Ms: Math.round(quantile(sorted, 0.95) * 10) / 10,
      frameMedianMs: Math.round(median(sorted.length > 0 ? sorted : [NaN]) * 10) / 10,
      workerSimSecondsPerWallSecond: Math.round(worker * 1000) / 1000,
      cliSimSecondsPerWallSecond: cli.simSecondsPerWallSecond,
      workerOfCli: Math.round((worker / cli.simSecondsPerWallSecond) * 1000) / 1000,
      wallSeconds: Math.round(wall * 10) / 10,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    if (server.pid !== undefined) process.kill(-server.pid);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:ui failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
