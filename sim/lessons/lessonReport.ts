import type { Simulation } from '../scenarios/simulation';
import { costScore, type CostScore } from './costScore';
import type { GoalState } from './goalState';

/** The lesson part of the run report (and of the worker's goals()): the goals and the score. */
export interface LessonReport {
  goals: GoalState[];
  /** Every goal met (false while any is pending or broken). */
  allMet: boolean;
  /** The challenge's score; present when the lesson prices its resources. */
  score?: CostScore;
}

/** Undefined when the scenario has no lesson, so other reports keep their shape. */
export function lessonReport(sim: Simulation): LessonReport | undefined {
  if (sim.lesson === undefined) return undefined;
  const goals = sim.lesson.states();
  const score = costScore(sim.scenario);
  return {
    goals,
    allMet: goals.every((goal) => goal.status === 'met'),
    ...(score && { score }),
  };
}
