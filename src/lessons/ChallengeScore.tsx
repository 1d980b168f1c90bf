import type { CostScore } from '../../sim/lessons/costScore';

const money = (currency: string, x: number) => `${currency}${x.toFixed(2)}`;

/** The challenge: what the scenario costs per hour, line by line; it counts once all goals are met. */
export function ChallengeScore({ score, allMet }: { score: CostScore; allMet: boolean }) {
  return (
    <div className="lesson-score" data-testid="lesson-score">
      <h3>Challenge: reach every goal at the lowest cost</h3>
      <p>
        Score:{' '}
        <strong data-testid="lesson-score-value">
          {money(score.currency, score.perHour)} per hour
        </strong>{' '}
        <span data-testid="lesson-score-state">
          {allMet ? '(every goal met: this score counts)' : '(counts once every goal is met)'}
        </span>
      </p>
      <table className="lesson-score-table">
        <caption className="visually-hidden">What the score is made of</caption>
        <thead>
          <tr>
            <th scope="col">Resource</th>
            <th scope="col">Count</th>
            <th scope="col">Price per hour</th>
            <th scope="col">Cost per hour</th>
          </tr>
        </thead>
        <tbody>
          {score.items.map((item) => (
            <tr key={item.what}>
              <th scope="row">{item.what}</th>
              <td>{item.count}</td>
              <td>{money(score.currency, item.price)}</td>
              <td>{money(score.currency, item.cost)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
