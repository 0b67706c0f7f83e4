/** What the bench asks of the peer's process, over the IPC channel. */
export type PeerCommand =
  | { type: 'start'; seed: number; size: number }
  | { type: 'write-facts'; expectedRows: number }
  | { type: 'stop' };

export type PeerReply =
  | { type: 'ready'; port: number; fingerprint: string }
  | { type: 'facts-written'; ms: number; rows: number }
  | { type: 'failed'; message: string };
