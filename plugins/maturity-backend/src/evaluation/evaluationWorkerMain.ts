/**
 * The evaluation worker's entry: builds the rubric from the recipe it was started with,
 * then evaluates chunks of entities sent by the Evaluator, one at a time, and answers
 * each with the encoded evaluations. Runs in a worker thread, so the rules, scoring and
 * encoding use the second core while the main thread reads and writes the database and
 * serves requests.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  encodeEvaluation,
  evaluateEntity,
  type EvaluationRules,
} from './evaluateEntity';
import { unpackFacts } from './factPack';
import { rulesFromRecipe } from './rulesFromRecipe';
import type {
  ChunkAnswer,
  ChunkRequest,
  RubricRecipe,
  WorkerReady,
} from './workerProtocol';
import type { EncodedEntityEvaluation } from '../database/MaturityStore';

async function evaluateChunk(
  rules: EvaluationRules,
  request: ChunkRequest,
): Promise<EncodedEntityEvaluation[]> {
  const now = new Date(request.now);
  const evaluations: EncodedEntityEvaluation[] = [];
  for (const input of request.entities) {
    const facts = unpackFacts(input.entityRef, input.facts);
    const evaluation = await evaluateEntity(
      rules,
      { ...input, facts },
      { now, force: request.force },
    );
    if (evaluation) evaluations.push(encodeEvaluation(evaluation));
  }
  return evaluations;
}

function run(port: NonNullable<typeof parentPort>, recipe: RubricRecipe) {
  let rules: EvaluationRules;
  try {
    rules = rulesFromRecipe(recipe);
  } catch (error) {
    port.postMessage({
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
    } satisfies WorkerReady);
    return;
  }
  port.on('message', (request: ChunkRequest) => {
    evaluateChunk(rules, request).then(
      evaluations =>
        port.postMessage({
          type: 'chunk',
          id: request.id,
          evaluations,
        } satisfies ChunkAnswer),
      error =>
        port.postMessage({
          type: 'chunk',
          id: request.id,
          error: error instanceof Error ? error.message : String(error),
        } satisfies ChunkAnswer),
    );
  });
  port.postMessage({
    type: 'ready',
    rubricVersion: rules.rubric.version,
  } satisfies WorkerReady);
}

if (parentPort) run(parentPort, workerData as RubricRecipe);
