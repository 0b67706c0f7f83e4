/* eslint-disable no-console */
import { backendNodeOptions } from './backendProcess';
import { LATENCY_PROFILES } from './latencyProfiles';
import { parseBenchOptions } from './options';
import { markdownReport, summarize } from './report';
import { GITHUB_SETTINGS, runScenario } from './runScenario';

async function main(argv: string[]) {
  const options = parseBenchOptions(argv);
  const latency = LATENCY_PROFILES[options.latency];
  // Progress goes to stderr, so `--json` leaves stdout one JSON document.
  const log = (line: string) => console.error(`[bench] ${line}`);
  const summaries = [];
  for (const size of options.entities) {
    const result = await runScenario({
      size,
      seed: options.seed,
      latency,
      durationSeconds: options.durationSeconds,
      peer: options.peer,
      log,
    });
    summaries.push(summarize(result));
  }
  if (options.json) {
    const document = {
      latency,
      github: GITHUB_SETTINGS,
      node: process.version,
      backendNodeOptions: backendNodeOptions(),
      scenarios: summaries,
    };
    console.log(
      JSON.stringify(
        summaries.length === 1 ? { ...document, ...summaries[0] } : document,
        null,
        2,
      ),
    );
  } else {
    console.log(
      `# Maturity benchmark (${latency.name} latency, Node ${
        process.version
      }${describeOptions(backendNodeOptions())})\n`,
    );
    console.log(markdownReport(summaries));
  }
}

function describeOptions(options: string[]): string {
  return options.length ? `, backend with ${options.join(' ')}` : '';
}

main(process.argv.slice(2)).catch(error => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
