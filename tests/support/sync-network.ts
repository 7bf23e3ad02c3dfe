import { createServer, connect, type Server, type Socket } from 'node:net';
import { runOk, runSync } from '../lab/proc';

/**
 * A network namespace for the sync server, so that a test can cut the
 * consoles off it the way a dropped Wi-Fi link does (`ip link set … down`)
 * while the server and its database keep running. Two veth pairs lead into
 * it: the console link (the one that gets cut) and the database link, over
 * which a relay in this process forwards to the PostgreSQL cluster on the
 * host's loopback (a namespace has its own loopback).
 *
 *   consoles ──10.78.k.1 ─ veth ─ 10.78.k.2── server ──10.79.k.2 ─ veth ─ 10.79.k.1── relay → 127.0.0.1:pg
 *
 * Both subnets also get an "unreachable" route of low priority on the host,
 * so that nothing meant for the namespace ever leaves by the default route.
 */
let labs = 0;

export class ServerNamespace {
  readonly name: string;
  /** Where the server listens, inside the namespace. */
  readonly serverAddress: string;
  private readonly consoleLink: string;
  private readonly slot: number;
  private readonly databaseLink: string;
  private readonly databaseHost: string;
  private readonly relays: Server[] = [];
  private readonly sockets = new Set<Socket>();
  private linkDown = false;

  private constructor(slot: number, tag: string) {
    this.name = `wdsync-${tag}`;
    this.consoleLink = `wdsc${tag}`;
    this.databaseLink = `wdsd${tag}`;
    this.slot = slot;
    this.serverAddress = `10.78.${slot}.2`;
    this.databaseHost = `10.79.${slot}.1`;
  }

  /** Creates the namespace and both links. Names carry this process's pid, so parallel runs do not meet. */
  static async create(): Promise<ServerNamespace> {
    labs += 1;
    const tag = `${process.pid % 1_000_000}${labs > 1 ? `-${labs}` : ''}`;
    // Subnets other labs (other processes, a bench running beside the tests) already use are skipped.
    const used = new Set([...(await runOk('ip', ['-4', '-o', 'addr', 'show'])).matchAll(/inet 10\.7[89]\.(\d+)\./g)].map((match) => Number(match[1])));
    let slot = ((process.pid + labs * 37) % 230) + 20;
    while (used.has(slot)) slot = slot >= 249 ? 20 : slot + 1;
    const ns = new ServerNamespace(slot, tag);
    ns.destroySync();
    try {
      await runOk('ip', ['netns', 'add', ns.name]);
      for (const [link, subnet] of [
        [ns.consoleLink, 78],
        [ns.databaseLink, 79],
      ] as const) {
        await runOk('ip', ['link', 'add', link, 'type', 'veth', 'peer', 'name', `eth${subnet}`, 'netns', ns.name]);
        await runOk('ip', ['addr', 'add', `10.${subnet}.${slot}.1/30`, 'dev', link]);
        await runOk('ip', ['link', 'set', link, 'up']);
        await runOk('ip', ['-n', ns.name, 'addr', 'add', `10.${subnet}.${slot}.2/30`, 'dev', `eth${subnet}`]);
        await runOk('ip', ['-n', ns.name, 'link', 'set', `eth${subnet}`, 'up']);
      }
      await runOk('ip', ['-n', ns.name, 'link', 'set', 'lo', 'up']);
      // Should a link be down, its subnet must not fall through to the default route (out to the real network):
      // these answer "unreachable" at once instead (a connected route, while there is one, wins on metric).
      for (const subnet of [78, 79]) await runOk('ip', ['route', 'add', 'unreachable', `10.${subnet}.${slot}.0/30`, 'metric', '4000']);
    } catch (error) {
      ns.destroySync();
      throw error;
    }
    return ns;
  }

  /** argv prefix that runs a program inside the namespace (`ip netns exec` execs it: the pid stays the program's). */
  exec(argv: string[]): string[] {
    return ['ip', 'netns', 'exec', this.name, ...argv];
  }

  /** A URL the server in the namespace can use for a PostgreSQL database URL on the host's loopback. */
  async relayDatabase(url: string): Promise<string> {
    const target = new URL(url);
    const relay = createServer((inbound) => {
      const outbound = connect(Number(target.port), target.hostname);
      for (const socket of [inbound, outbound]) {
        this.sockets.add(socket);
        socket.once('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      inbound.pipe(outbound).pipe(inbound);
      inbound.once('close', () => outbound.destroy());
      outbound.once('close', () => inbound.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      relay.once('error', reject);
      relay.listen(0, this.databaseHost, () => resolve());
    });
    this.relays.push(relay);
    const address = relay.address();
    if (!address || typeof address !== 'object') throw new Error('the database relay has no port');
    const relayed = new URL(url);
    relayed.hostname = this.databaseHost;
    relayed.port = String(address.port);
    return relayed.toString();
  }

  /**
   * The server's side of the consoles' link goes down, as a dropped Wi-Fi
   * link: packets in flight are lost and open connections stall until it is
   * back (TCP retransmits); the consoles' end loses its carrier.
   */
  async cut(): Promise<void> {
    await runOk('ip', ['-n', this.name, 'link', 'set', 'eth78', 'down']);
    this.linkDown = true;
  }

  async restore(): Promise<void> {
    if (!this.linkDown) return;
    await runOk('ip', ['-n', this.name, 'link', 'set', 'eth78', 'up']);
    // Traffic flows again once both ends report the carrier.
    for (let i = 0; i < 50; i += 1) {
      const state = await runOk('ip', ['-br', 'link', 'show', this.consoleLink]);
      if (/\bUP\b/.test(state)) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    this.linkDown = false;
  }

  get isCut(): boolean {
    return this.linkDown;
  }

  /** Closes the relays, then removes both links and the namespace. Processes inside must be stopped first. */
  async destroy(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await Promise.all(this.relays.map((relay) => new Promise<void>((resolve) => relay.close(() => resolve()))));
    this.relays.length = 0;
    this.destroySync();
  }

  private destroySync(): void {
    for (const subnet of [78, 79]) runSync('ip', ['route', 'del', 'unreachable', `10.${subnet}.${this.slot}.0/30`, 'metric', '4000']);
    runSync('ip', ['link', 'del', this.consoleLink]);
    runSync('ip', ['link', 'del', this.databaseLink]);
    runSync('ip', ['netns', 'del', this.name]);
  }
}
