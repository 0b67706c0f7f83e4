/** Requests one collection run made, split the way GitHub bills them. */
export class RequestCounter {
  /** Every request sent, retries included. */
  sent = 0;
  /** Answered 304 Not Modified: free against the rate limit. */
  notModified = 0;

  /** Requests that cost rate limit. */
  get counted(): number {
    return this.sent - this.notModified;
  }
}
