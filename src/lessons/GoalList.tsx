import type { GoalState, GoalStatus } from '../../sim/lessons/goalState';
import { secondsText } from '../../sim/lessons/goalState';

/** Each verdict as a word and a symbol, so colour is never the only cue. */
const BADGE: Record<GoalStatus, { icon: string; label: string }> = {
  pending: { icon: '…', label: 'Pending' },
  met: { icon: '✓', label: 'Met' },
  broken: { icon: '✗', label: 'Broken' },
};

/** A goal as written in the lesson, before the worker has judged anything. */
export interface GoalLine {
  id: string;
  title: string;
}

export function GoalList({ goals, states }: { goals: GoalLine[]; states: GoalState[] | null }) {
  return (
    <ul className="lesson-goals" data-testid="lesson-goals" aria-label="Goals">
      {goals.map((goal) => {
        const state = states?.find((s) => s.id === goal.id);
        const status = state?.status ?? 'pending';
        const badge = BADGE[status];
        return (
          <li
            key={goal.id}
            className={`lesson-goal goal-${status}`}
            data-testid={`goal-${goal.id}`}
          >
            <span
              className="goal-badge"
              data-testid={`goal-${goal.id}-status`}
              data-status={status}
            >
              <span aria-hidden="true">{badge.icon}</span> {badge.label}
            </span>
            <span className="goal-title">{goal.title}</span>
            {state?.at != null && (
              <span className="goal-at" data-testid={`goal-${goal.id}-at`}>
                {status === 'broken' ? 'broke at' : 'met at'} t = {secondsText(state.at)}
              </span>
            )}
            {state && (
              <span className="goal-reason" data-testid={`goal-${goal.id}-reason`}>
                {state.reason}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
