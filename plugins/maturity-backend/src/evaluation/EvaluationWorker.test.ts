import { ConfigReader } from '@backstage/config';
import { readMaturityConfig } from '../config/readMaturityConfig';
import { decodeResults } from '../database/storedResults';
import { EvaluationWorker } from './EvaluationWorker';
import { packFacts } from './factPack';
import { rubricRecipe } from './rubricRecipe';
import { rulesFromRecipe } from './rulesFromRecipe';

jest.setTimeout(60_000);

const recipe = rubricRecipe(readMaturityConfig(new ConfigReader({})), []);
const version = rulesFromRecipe(recipe).rubric.version;
const NOW = '2026-11-21T12:00:00.000Z';

const entity = (name: string) => ({
  entity: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'team' },
  },
  entityRef: `component:default/${name}`,
});

/** A CI-runs fact of `runs` runs: large enough to fill a small heap when parsed. */
function withRuns(name: string, runs: number) {
  const value = Array.from({ length: runs }, (_, i) => ({
    conclusion: i % 10 === 0 ? 'failure' : 'success',
    createdAt: NOW,
    sha: `${i}`.padStart(40, '0'),
  }));
  return {
    ...entity(name),
    facts: packFacts([
      {
        entity_ref: `component:default/${name}`,
        name: 'github.defaultBranchRuns',
        value: JSON.stringify(value),
        source: 'github',
        observed_at: NOW,
        run_id: null,
        problem: null,
      },
    ]),
  };
}

describe('EvaluationWorker', () => {
  const started: EvaluationWorker[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map(w => w.close()));
  });

  it('evaluates a chunk and answers its placements with the stored forms of the results', async () => {
    const worker = await EvaluationWorker.start(recipe, version);
    started.push(worker);
    const [answer] = await worker.evaluate({
      now: NOW,
      force: false,
      entities: [withRuns('small', 50)],
    });
    expect(answer.placement).toMatchObject({
      entityRef: 'component:default/small',
      evaluatedAt: NOW,
      inputHash: expect.any(String),
    });
    expect(JSON.parse(answer.encoded.states)).toMatchObject({
      'ci-builds': 'pass',
    });
    // The list of runs is large: its evidence names the fact and leaves the value to be
    // joined from the stored fact when a scorecard is read.
    const ciBuilds = decodeResults(answer.encoded.results).find(
      r => r.checkId === 'ci-builds',
    );
    expect(ciBuilds?.evidence).toEqual([{ fact: 'github.defaultBranchRuns' }]);
  });

  it('fails what is in flight, and everything after, when it runs out of its heap', async () => {
    const worker = await EvaluationWorker.start(recipe, version, {
      heapMb: 96,
    });
    started.push(worker);
    const answer = worker.evaluate({
      now: NOW,
      force: false,
      // 66 MB of JSON, far more once parsed: more than the worker may hold.
      entities: [withRuns('huge', 600_000)],
    });
    await expect(answer).rejects.toThrow(/reaching memory limit/);
    expect(worker.failed).toBe(true);
    await expect(
      worker.evaluate({ now: NOW, force: false, entities: [] }),
    ).rejects.toThrow();
  });

  it('does not start with a rubric other than the backend one', async () => {
    await expect(
      EvaluationWorker.start(recipe, 'another version'),
    ).rejects.toThrow(
      `the evaluation worker built rubric ${version}, not another version`,
    );
  });
});
