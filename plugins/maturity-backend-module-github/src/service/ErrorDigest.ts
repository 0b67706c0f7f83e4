/** One kind of trouble, worded for any number of repositories. */
export interface Complaint {
  /** Complaints with the same key are reported together. */
  key: string;
  /** The sentence, given "acme/foo" or "3 repositories (acme/a, …)". */
  render(who: string): string;
}

/**
 * Gathers per-repository complaints into one run error per kind, so a token without the
 * Dependabot alerts permission yields one line for the run, not one per repository.
 */
export class ErrorDigest {
  private readonly groups = new Map<
    string,
    { complaint: Complaint; slugs: string[] }
  >();
  private readonly plain: string[] = [];

  add(complaint: Complaint, slug: string): void {
    const group = this.groups.get(complaint.key) ?? { complaint, slugs: [] };
    group.slugs.push(slug);
    this.groups.set(complaint.key, group);
  }

  /** An error that concerns no single repository (a failed query, missing credentials). */
  addPlain(message: string): void {
    this.plain.push(message);
  }

  messages(): string[] {
    return [
      ...this.plain,
      ...[...this.groups.values()].map(({ complaint, slugs }) =>
        complaint.render(describeRepositories(slugs)),
      ),
    ];
  }
}

/** "acme/a", "acme/a, acme/b", or "12 repositories (acme/a, acme/b, acme/c and 9 more)". */
export function describeRepositories(slugs: readonly string[]): string {
  if (slugs.length <= 3) return slugs.join(', ');
  return `${slugs.length} repositories (${slugs.slice(0, 3).join(', ')} and ${
    slugs.length - 3
  } more)`;
}
