import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';

/** What the proxy does with the next request of a kind (then it forwards faithfully again). */
export type DeliveryFault =
  /** Sent to the server twice; the console gets the second answer. */
  | 'duplicate'
  /** Sent to the server, the answer thrown away: the console sees the connection drop and tries again later. */
  | 'drop-answer'
  /** Not sent: the console gets an answer the server gave to an earlier request of the same kind (pulls only). */
  | 'stale-answer';

interface Recorded {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * A console's road to the sync server that can misdeliver on purpose
 * (SYNC.md: "duplicated and reordered deliveries"): one proxy per console,
 * forwarding raw bytes (gzip stays gzip) and remembering every push it
 * delivered and every pull answer it passed on, so that a test can replay an
 * old push to the server at any time or hand a console an old pull answer.
 */
export class SyncProxy {
  private server: Server | null = null;
  private readonly next = new Map<'push' | 'pull' | 'blob', DeliveryFault>();
  /** Pushes the server answered 200, oldest first. */
  readonly pushes: Recorded[] = [];
  private readonly pullAnswers: Answer[] = [];
  readonly served = { duplicate: 0, 'drop-answer': 0, 'stale-answer': 0 };
  url = '';

  constructor(
    private readonly target: string,
    private readonly random: () => number = Math.random,
  ) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const recorded: Recorded = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks) };
        this.handle(recorded).then(
          (answer) => {
            if (!answer) {
              res.socket?.destroy();
              return;
            }
            res.writeHead(answer.status, answerHeaders(answer.headers));
            res.end(answer.body);
          },
          () => res.socket?.destroy(),
        );
      });
    });
    // Connections kept alive would carry a console's requests past a fault meant for the next one.
    this.server.keepAliveTimeout = 1;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    const address = this.server.address();
    if (!address || typeof address !== 'object') throw new Error('proxy has no port');
    this.url = `http://127.0.0.1:${address.port}`;
  }

  /** The next request of this kind goes wrong this way. */
  arm(kind: 'push' | 'pull' | 'blob', fault: DeliveryFault): void {
    this.next.set(kind, fault);
  }

  disarm(): void {
    this.next.clear();
  }

  /** Sends an earlier push to the server again, as it was; returns the server's answer. */
  async replay(push: Recorded): Promise<{ status: number; body: Record<string, unknown> }> {
    const answer = await this.forward(push);
    return { status: answer.status, body: JSON.parse(answer.body.toString('utf8')) as Record<string, unknown> };
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = null;
  }

  private async handle(recorded: Recorded): Promise<Answer | null> {
    const kind = recorded.path.startsWith('/v1/push') ? 'push' : recorded.path.startsWith('/v1/pull') ? 'pull' : recorded.path.startsWith('/v1/blobs/') ? 'blob' : null;
    const fault = kind ? this.next.get(kind) : undefined;
    if (kind && fault) this.next.delete(kind);

    if (fault === 'stale-answer' && kind === 'pull' && this.pullAnswers.length > 0) {
      this.served['stale-answer'] += 1;
      return this.pullAnswers[Math.floor(this.random() * this.pullAnswers.length)] as Answer;
    }
    let answer = await this.forward(recorded);
    if (fault === 'duplicate') {
      this.served.duplicate += 1;
      answer = await this.forward(recorded);
    }
    if (answer.status === 200 && kind === 'push') this.pushes.push(recorded);
    if (answer.status === 200 && kind === 'pull') this.pullAnswers.push(answer);
    if (fault === 'drop-answer') {
      this.served['drop-answer'] += 1;
      return null;
    }
    return answer;
  }

  private forward(recorded: Recorded): Promise<Answer> {
    const target = new URL(recorded.path, this.target);
    return new Promise((resolve, reject) => {
      const headers = { ...recorded.headers, host: target.host, connection: 'close' };
      const outbound = httpRequest(target, { method: recorded.method, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      });
      outbound.on('error', reject);
      outbound.end(recorded.body);
    });
  }
}

function answerHeaders(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || name === 'connection' || name === 'keep-alive' || name === 'transfer-encoding' || name === 'content-length') continue;
    out[name] = value;
  }
  return out;
}
