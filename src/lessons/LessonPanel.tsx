import { useAppStore } from '../store/store';
import { ChallengeScore } from './ChallengeScore';
import { GoalList } from './GoalList';
import { KnobButtons } from './KnobButtons';
import { LessonLoader } from './LessonLoader';
import { useGoals } from './useGoals';
import './lessons.css';

/**
 * The lesson of the loaded scenario: the trainer's text, the knobs that matter, the goals with
 * their live verdicts (pending, met, broken with when and why) and the challenge's score; and the
 * way to load another lesson from a file or an address.
 */
export function LessonPanel() {
  const lesson = useAppStore((s) => s.run.scenario?.lesson);
  const run = useAppStore((s) => `${s.run.scenarioName}:${s.run.seed}`);
  const report = useGoals(run, lesson !== undefined);
  return (
    <section
      className="panel lesson-panel"
      aria-labelledby="lesson-heading"
      data-testid="lesson-panel"
    >
      <h2 id="lesson-heading">Lesson</h2>
      {lesson ? (
        <>
          <p className="lesson-text" data-testid="lesson-text">
            {lesson.text}
          </p>
          <KnobButtons knobs={lesson.knobs} />
          <h3>Goals, checked every {lesson.checkEvery} s of simulated time</h3>
          <GoalList goals={lesson.goals} states={report?.goals ?? null} />
          {report?.score && <ChallengeScore score={report.score} allMet={report.allMet} />}
        </>
      ) : (
        <p className="lesson-note" data-testid="lesson-none">
          This scenario has no goals. Pick a lesson that has some (timeouts, circuit-breaker,
          queue-smoothing, cache-consistency, read-write-split, compensation) or load one.
        </p>
      )}
      <LessonLoader />
    </section>
  );
}
