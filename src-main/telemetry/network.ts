import type { NetworkPurpose, NetworkRequest, NetworkState } from '../contract/index.js';
import type { Clock, Fetch } from '../ports.js';
import type { Kv, TelemetryDb } from './db.js';

type FetchResponse = Awaited<ReturnType<Fetch>>;

/** Thrown when a purpose's toggle is off or the URL is not its destination; the attempt is still listed. */
export class NetworkRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkRefused';
  }
}

export interface PurposeGate {
  description: string;
  /** Whether the purpose could make requests right now (endpoint, consent), and the only URL it may reach. */
  check(): { enabled: boolean; destination: string | null };
}

/**
 * Purposes the user switched on on the Network tab, kept in the telemetry database's key/value table.
 *
 * Important: an allow list, so a purpose is off until the user turns it on (README: everything is off
 * until turned on). The block list earlier builds kept under `network.blocked` is ignored: a purpose it did
 * not list had never been turned on by anyone, so it starts off too.
 */
const ALLOWED_KEY = 'network.allowed';

/** Rows kept in the network ledger; older ones are pruned so the file stays small. */
const KEEP_REQUESTS = 1000;

/**
 * The one door to the network for this folder. Every request names a purpose, is written to the network
 * ledger before it is made (so even a request that crashes the app is listed), and is refused when the
 * purpose is off or the URL is not the purpose's destination: "off" means no traffic.
 */
export class Network {
  constructor(
    private readonly db: TelemetryDb,
    private readonly clock: Clock,
    private readonly fetch: Fetch,
    private readonly gates: Record<NetworkPurpose, PurposeGate>,
    private readonly kv: Kv,
  ) {}

  /** The user's per-purpose toggle, off until turned on. Off wins over everything: the purpose makes no request at all. */
  setAllowed(purpose: NetworkPurpose, allowed: boolean): void {
    const on = new Set(this.kv.get<NetworkPurpose[]>(ALLOWED_KEY, []));
    if (allowed) on.add(purpose);
    else on.delete(purpose);
    this.kv.set(ALLOWED_KEY, [...on]);
  }

  /** True when a request of this purpose would be made now (not refused): allowed by the user, and its gate open. */
  enabled(purpose: NetworkPurpose): boolean {
    return this.gate(purpose).enabled;
  }

  private allowed(purpose: NetworkPurpose): boolean {
    return this.kv.get<NetworkPurpose[]>(ALLOWED_KEY, []).includes(purpose);
  }

  private gate(purpose: NetworkPurpose): { allowed: boolean; enabled: boolean; destination: string | null } {
    const allowed = this.allowed(purpose);
    const { enabled, destination } = this.gates[purpose].check();
    return { allowed, enabled: allowed && enabled, destination };
  }

  async request(
    purpose: NetworkPurpose,
    url: string,
    init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal },
  ): Promise<FetchResponse> {
    const { enabled, destination } = this.gate(purpose);
    const refusal = !enabled ? `${purpose} is off` : url !== destination ? `${url} is not the destination of ${purpose}` : null;
    const seq = this.log(purpose, init.method, url, refusal !== null);
    if (refusal) throw new NetworkRefused(`Refused: ${refusal}.`);
    const res = await this.fetch(url, init);
    this.db.prepare('UPDATE network SET status = ? WHERE seq = ?').run(res.status, seq);
    return res;
  }

  state(limit = 100): NetworkState {
    const rows = this.db.prepare('SELECT * FROM network ORDER BY seq DESC LIMIT ?').all(limit) as {
      seq: number;
      purpose: NetworkPurpose;
      method: string;
      url: string;
      at: string;
      status: number | null;
      refused: number;
    }[];
    const requests: NetworkRequest[] = rows.reverse().map((r) => ({ ...r, refused: r.refused === 1 }));
    const purposes = (Object.keys(this.gates) as NetworkPurpose[]).map((purpose) => ({
      purpose,
      description: this.gates[purpose].description,
      ...this.gate(purpose),
    }));
    return { purposes, requests };
  }

  private log(purpose: NetworkPurpose, method: string, url: string, refused: boolean): number {
    const seq = Number(
      this.db
        .prepare('INSERT INTO network (purpose, method, url, at, status, refused) VALUES (?, ?, ?, ?, NULL, ?)')
        .run(purpose, method, url, new Date(this.clock.now()).toISOString(), refused ? 1 : 0).lastInsertRowid,
    );
    this.db.prepare('DELETE FROM network WHERE seq <= ?').run(seq - KEEP_REQUESTS);
    return seq;
  }
}
