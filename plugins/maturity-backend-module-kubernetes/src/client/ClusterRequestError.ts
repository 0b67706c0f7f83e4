/** Why a cluster could not be read; its message names the request and the cause. */
export class ClusterRequestError extends Error {
  readonly name = 'ClusterRequestError';

  constructor(message: string, readonly status?: number) {
    super(message);
  }
}
