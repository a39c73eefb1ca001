/** What `evaluate --json` prints for a plan; `advise --json` prints the same object for each fix. */
import { apiCalls } from '../model/api-calls';
import type { FullEvaluation } from '../model/evaluate';
import type { Plan } from '../model/plan';

/** The evaluation with the EC2 API estimate of scaling desired → max in `seconds` (default 60). */
export function evaluationJson(plan: Plan, evaluation: FullEvaluation, seconds = 60) {
  return { ...evaluation, apiCalls: apiCalls(plan, evaluation, { seconds }) };
}
