import { describe, expect, it } from 'vitest';
import { xRange, yRange, type PlotBox } from '../../../src/inspect/plotBox';

describe('plot box', () => {
  const box: PlotBox = {
    width: 560,
    height: 220,
    margin: { top: 12, right: 16, bottom: 34, left: 56 },
  };

  it('runs x from the left margin to the right one', () => {
    expect(xRange(box)).toEqual([56, 544]);
  });

  it('runs y upwards, from the bottom margin to the top one', () => {
    expect(yRange(box)).toEqual([186, 12]);
  });
});
