import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

/** A file written in pieces that waits when the disk is behind, so a fast producer cannot fill memory. */
export class FileSink {
  readonly stream: WriteStream;

  constructor(path: string) {
    this.stream = createWriteStream(path);
  }

  async write(data: string | Buffer): Promise<void> {
    if (!this.stream.write(data)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    const finished = once(this.stream, 'finish');
    this.stream.end();
    await finished;
  }

  destroy(): void {
    this.stream.destroy();
  }
}
