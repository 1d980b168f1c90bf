/**
 * The closed forms the theory tests hold the simulator to. They live in sim/metrics/theory.ts so
 * the CLI and the UI can show them too; the tests keep importing them from here.
 */
export {
  erlangB,
  erlangC,
  mm1,
  mmcMeanWait,
  pkMeanWait,
  relaxationTime,
  trafficEquations,
  type SingleServerFigures,
} from '../../sim/metrics/theory';
