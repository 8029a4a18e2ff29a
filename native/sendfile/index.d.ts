/** A transfer in progress, for `cancel`. */
export type Job = { readonly __sendfileJob: unique symbol };

export type Done = (errno: number, sent: number, shortFile: boolean) => void;

export type Binding =
  | {
      supported: true;
      /** Sends `length` bytes of `fileFd` from `offset` to `socketFd` on a thread of its own; both descriptors are duplicated first. */
      start(socketFd: number, fileFd: number, offset: number, length: number, done: Done): Job;
      /** Holds back the next writes on the socket (TCP_CORK) until the next transfer's first bytes go, so the head leaves with them. */
      cork(socketFd: number): void;
      /** Shuts the socket down and ends the transfer; `done` then reports ECANCELED unless it had already finished. */
      cancel(job: Job): void;
    }
  | { supported: false; loadError?: string };

declare const binding: Binding;
export = binding;
