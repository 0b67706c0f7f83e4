const DEPARTMENTS = [
  'commerce',
  'logistics',
  'finance',
  'platform',
  'data',
  'identity',
  'growth',
  'support',
];
const TEAM_WORDS = [
  'falcon',
  'otter',
  'lynx',
  'heron',
  'bison',
  'orca',
  'puma',
  'raven',
  'yak',
  'wolf',
  'ibis',
  'koala',
];
const SERVICE_DOMAINS = [
  'orders',
  'billing',
  'routing',
  'search',
  'catalog',
  'pricing',
  'ledger',
  'tracking',
  'identity',
  'inventory',
  'reports',
  'notify',
];
const SERVICE_ROLES = [
  'api',
  'worker',
  'gateway',
  'sync',
  'service',
  'engine',
  'scheduler',
  'web',
];
const FIRST_NAMES = [
  'ada',
  'grace',
  'linus',
  'ken',
  'barbara',
  'edsger',
  'margaret',
  'dennis',
  'frances',
  'alan',
  'radia',
  'donald',
];

/** Department names; numbered once the pool runs out, so any count stays unique. */
export function departmentName(index: number): string {
  return numbered(DEPARTMENTS, index);
}

export function teamName(index: number): string {
  return `team-${numbered(TEAM_WORDS, index)}`;
}

export function userName(index: number): string {
  return numbered(FIRST_NAMES, index);
}

/** `orders-api`, `billing-worker`, … then `orders-api-2` …: readable and unique. */
export function serviceName(index: number): string {
  const pairs = SERVICE_DOMAINS.length * SERVICE_ROLES.length;
  const base = `${SERVICE_DOMAINS[index % SERVICE_DOMAINS.length]}-${
    SERVICE_ROLES[
      Math.floor(index / SERVICE_DOMAINS.length) % SERVICE_ROLES.length
    ]
  }`;
  const round = Math.floor(index / pairs);
  return round === 0 ? base : `${base}-${round + 1}`;
}

function numbered(pool: readonly string[], index: number): string {
  const round = Math.floor(index / pool.length);
  const word = pool[index % pool.length];
  return round === 0 ? word : `${word}-${round + 1}`;
}
