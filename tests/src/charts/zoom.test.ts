import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/store/store';
import { checkZoom, visibleRange } from '../../../src/store/zoomSlice';
import { rangeTicks } from '../../../src/charts/timeAxis';

describe('zoom range', () => {
  it('accepts a range inside the run and names the field that is wrong otherwise', () => {
    expect(checkZoom(10, 20, 150)).toBeNull();
    expect(checkZoom(0, 150, 150)).toBeNull();
    expect(checkZoom(-1, 20, 150)).toBe(
      'From must be a number of seconds from 0 to less than 150.',
    );
    expect(checkZoom(NaN, 20, 150)).toMatch(/^From must be/);
    expect(checkZoom(150, 160, 150)).toMatch(/^From must be/);
    expect(checkZoom(20, 10, 150)).toBe(
      'To must be a number of seconds greater than From and at most 150.',
    );
    expect(checkZoom(20, 151, 150)).toMatch(/^To must be/);
    expect(checkZoom(20, 20.0001, 150)).toBe('To must be at least 0.001 s after From.');
  });

  it('charts show the zoom when it fits the run, the whole run otherwise', () => {
    expect(visibleRange(null, 150)).toEqual([0, 150]);
    expect(visibleRange([30, 90], 150)).toEqual([30, 90]);
    // A zoom made on a longer run does not fit this one.
    expect(visibleRange([200, 300], 150)).toEqual([0, 150]);
  });

  it('lives in the store until reset', () => {
    const store = createAppStore();
    expect(store.getState().zoom).toBeNull();
    store.getState().setZoom([5, 25]);
    expect(store.getState().zoom).toEqual([5, 25]);
    store.getState().resetZoom();
    expect(store.getState().zoom).toBeNull();
  });

  it('ticks a zoomed axis at round multiples of a clock step', () => {
    expect(rangeTicks([95, 130], 4)).toEqual([100, 110, 120, 130]);
    expect(rangeTicks([0, 150], 6)).toEqual([0, 30, 60, 90, 120, 150]);
    expect(rangeTicks([1.05, 1.35], 4)).toEqual([1.1, 1.2, 1.3]);
  });
});
