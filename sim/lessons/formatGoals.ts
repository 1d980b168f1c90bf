import type { LessonReport } from './lessonReport';
import { secondsText } from './goalState';

const MARK = { met: 'MET', broken: 'BROKEN', pending: 'PENDING' } as const;

/** The Goals part of the CLI summary: one line per goal, its verdict, when and why; the score. */
export function formatGoals(lesson: LessonReport | undefined): string {
  if (lesson === undefined) return '';
  const rows = lesson.goals.map((goal) => [
    MARK[goal.status],
    goal.at === null ? '-' : secondsText(goal.at),
    goal.title,
    goal.reason,
  ]);
  const header = ['status', 'at', 'goal', 'why'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  // The last column is free text: no padding after it.
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  const table = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  const score = lesson.score;
  const scoreLine =
    score === undefined
      ? ''
      : `\nChallenge score: ${score.currency}${score.perHour.toFixed(2)} per hour (${score.items
          .map(
            (i) =>
              `${i.what} ${i.count} x ${score.currency}${i.price} = ${score.currency}${i.cost.toFixed(2)}`,
          )
          .join(
            '; ',
          )})${lesson.allMet ? ', every goal met' : ': counts only once every goal is met'}\n`;
  return `\nGoals\n${table.join('\n')}\n${scoreLine}`;
}
