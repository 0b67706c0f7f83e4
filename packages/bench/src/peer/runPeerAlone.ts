/* eslint-disable no-console */
/**
 * Runs the Tech Insights peer alone, to try it without the rest of the bench:
 *   node --expose-gc --require @backstage/cli/config/nodeTransform.cjs src/peer/runPeerAlone.ts [size]
 */
import { generateScenario } from '@maturity/sandbox';
import { runTechInsightsPeer } from './runTechInsightsPeer';

async function main() {
  const size = Number(process.argv[2] ?? 1000);
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(`Size must be a positive integer, got ${process.argv[2]}`);
  }
  const scenario = generateScenario({ seed: 7, size });
  const result = await runTechInsightsPeer({
    scenario,
    connections: [10, 50],
    durationSeconds: 5,
  });
  console.log(JSON.stringify(result, null, 2));
}

main().then(
  // Exit explicitly: a stopped backend can leave timers (e.g. DB keepalive) behind.
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
