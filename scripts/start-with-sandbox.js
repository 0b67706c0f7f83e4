#!/usr/bin/env node
// `yarn start`: the GitHub and Kubernetes sandboxes on loopback (serving data that agrees
// with examples/entities.yaml), then the Backstage app and backend, whose app-config.yaml
// points the GitHub and Kubernetes sources at those sandboxes. Ctrl-C stops all three.
const { spawn } = require('node:child_process');
const net = require('node:net');

const SANDBOXES = [
  {
    name: 'github-sandbox',
    args: [
      'workspace',
      '@maturity/sandbox',
      'github',
      'serve',
      '--port',
      '7201',
      '--token',
      'sandbox-github-token',
    ],
    ports: [7201],
  },
  {
    name: 'kubernetes-sandbox',
    args: [
      'workspace',
      '@maturity/sandbox',
      'kubernetes',
      'serve',
      '--ports',
      '7101,7102',
    ],
    ports: [7101, 7102],
  },
];

const children = [];

function run(name, args) {
  const child = spawn('yarn', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = line => `[${name}] ${line}`;
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', chunk =>
      process.stdout.write(
        chunk.toString().split('\n').filter(Boolean).map(prefix).join('\n') +
          '\n',
      ),
    );
  }
  child.on('exit', code => {
    if (!stopping) {
      console.error(prefix(`exited with ${code}; stopping everything`));
      stop(code || 1);
    }
  });
  children.push(child);
  return child;
}

function portOpen(port) {
  return new Promise(resolve => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitForPorts(ports, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (const port of ports) {
    while (!(await portOpen(port))) {
      if (Date.now() > deadline)
        throw new Error(`nothing answered on 127.0.0.1:${port}`);
      await new Promise(r => setTimeout(r, 250));
    }
  }
}

let stopping = false;
function stop(code) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 2000).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

(async () => {
  for (const sandbox of SANDBOXES) run(sandbox.name, sandbox.args);
  await waitForPorts(
    SANDBOXES.flatMap(s => s.ports),
    120_000,
  );
  const backstage = spawn(
    'yarn',
    ['backstage-cli', 'repo', 'start', ...process.argv.slice(2)],
    {
      stdio: 'inherit',
    },
  );
  children.push(backstage);
  backstage.on('exit', code => stop(code ?? 0));
})().catch(error => {
  console.error(error.message);
  stop(1);
});
