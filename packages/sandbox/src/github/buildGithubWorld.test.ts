import type { ServiceProfile } from '../scenario/types';
import { buildGithubWorld } from './buildGithubWorld';

const now = new Date('2026-11-21T12:00:00Z');

function profile(
  name: string,
  intents: ServiceProfile['intents'] = {},
): ServiceProfile {
  return {
    entityRef: `component:default/${name}`,
    name,
    githubSlug: `acme/${name}`,
    targetLevel: 3,
    intents,
  };
}

describe('buildGithubWorld', () => {
  const services = ['a', 'b', 'c'].map(name => profile(name));

  it('is a pure function of the seed, without Math.random', () => {
    const random = jest.spyOn(Math, 'random');
    const first = buildGithubWorld(services, 7, { now });
    const again = buildGithubWorld(services, 7, { now });
    expect(again).toEqual(first);
    expect(buildGithubWorld(services, 8, { now })).not.toEqual(first);
    expect(random).not.toHaveBeenCalled();
    random.mockRestore();
  });

  it("gives each repository its own generator, so adding a service changes no other's", () => {
    const small = buildGithubWorld(services, 7, { now });
    const large = buildGithubWorld([profile('zz'), ...services], 7, { now });
    for (const [slug, repo] of small.repositories) {
      expect(large.repositories.get(slug)).toEqual(repo);
    }
  });

  it('skips services without a repository', () => {
    const world = buildGithubWorld(
      [{ ...profile('x'), githubSlug: undefined }],
      1,
      { now },
    );
    expect(world.repositories.size).toBe(0);
  });

  it('reports intents that contradict each other instead of silently missing them', () => {
    const world = buildGithubWorld(
      [
        profile('gated', {
          'prod-approval-gate': 'pass',
          'continuous-deployment': 'pass',
        }),
      ],
      1,
      { now },
    );
    expect(world.unsatisfiable).toEqual([
      expect.objectContaining({
        checkId: 'continuous-deployment',
        entityRef: 'component:default/gated',
      }),
    ]);
    const production = world.repositories
      .get('acme/gated')!
      .environments.find(e => e.name === 'production')!;
    expect(
      production.requiredReviewers + production.waitTimerMinutes,
    ).toBeGreaterThan(0);
  });
});
