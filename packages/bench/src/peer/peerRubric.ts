import { defaultChecks } from '@maturity/plugin-maturity-common';

/** The sources our rubric reads; the peer gets one fact retriever per source. */
export const PEER_SOURCES = ['catalog', 'github', 'kubernetes'] as const;
export type PeerSource = (typeof PEER_SOURCES)[number];

/** One rubric check as the peer sees it: which retriever carries it, under which fact name. */
export interface PeerCheck {
  /** The rubric check id, e.g. `owner-defined`; the scenario's intents are keyed by it. */
  rubricId: string;
  title: string;
  source: PeerSource;
  /** Id of the Tech Insights fact retriever that stores this check's boolean. */
  retrieverId: string;
  /**
   * The fact name (and Tech Insights check id). Rubric ids have dashes; config keys and
   * json-rules-engine fact names are safest as plain identifiers, so ids become camelCase.
   */
  factName: string;
}

/** `ci-quality-gates` → `ciQualityGates`; a leading digit gets a prefix so it stays a key. */
export function toFactName(rubricId: string): string {
  const words = rubricId.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words
    .map((word, i) =>
      i === 0
        ? word.toLowerCase()
        : word.charAt(0).toUpperCase() + word.slice(1).toLowerCase(),
    )
    .join('');
  return /^[a-z]/.test(name) ? name : `check${name}`;
}

/** `github` → `maturityPeerGithub`: a retriever id that is also a valid config key. */
export function retrieverIdFor(source: PeerSource): string {
  return `maturityPeer${source.charAt(0).toUpperCase()}${source.slice(1)}`;
}

function isPeerSource(source: string): source is PeerSource {
  return (PEER_SOURCES as readonly string[]).includes(source);
}

/**
 * Every rubric check mapped onto one retriever. A cross-source check (e.g. `vuln-sla`
 * reads Kubernetes and GitHub) is carried by the retriever of its first source: the
 * peer receives its outcome precomputed, so which row carries it does not matter, and
 * keeping one fact per check keeps the TI checks single-condition like the others.
 */
export function peerChecks(): PeerCheck[] {
  const checks = defaultChecks.map(check => {
    const source = check.sources.find(isPeerSource);
    if (!source) {
      throw new Error(
        `Rubric check ${
          check.id
        } reads no source the peer knows (${check.sources.join(', ')})`,
      );
    }
    return {
      rubricId: check.id,
      title: check.title,
      source,
      retrieverId: retrieverIdFor(source),
      factName: toFactName(check.id),
    };
  });
  const names = new Set(checks.map(c => c.factName));
  if (names.size !== checks.length) {
    throw new Error('Two rubric check ids sanitise to the same fact name');
  }
  return checks;
}
