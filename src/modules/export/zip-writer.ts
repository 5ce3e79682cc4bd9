import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, crc32, createDeflateRaw } from 'node:zlib';

/**
 * A ZIP archive written front to back as it is read (the container of an XLSX). Each entry is
 * deflated as a stream and followed by a data descriptor (general purpose flag bit 3), so its
 * CRC and sizes are not needed up front and nothing is held back: the caller pulls bytes, and
 * the entry's source is only pulled as fast as that. No ZIP64: an entry or archive reaching
 * 4 GiB fails (an XLSX sheet holds at most 1,048,576 rows, far below that).
 *
 * Why not exceljs' streaming writer: its internal buffer accepts every row at once whatever the
 * client reads (measured: 122 MB held for 100,000 rows with a stalled reader).
 */
const SIG_LOCAL = 0x04034b50;
const SIG_DESCRIPTOR = 0x08074b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const FLAGS = 0x0008 | 0x0800; // sizes in a data descriptor; UTF-8 names
const DEFLATE = 8;
const VERSION = 20;
const MAX32 = 0xffffffff;

interface Written {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((Math.max(d.getFullYear(), 1980) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

export class ZipWriter {
  private offset = 0;
  private readonly written: Written[] = [];
  private readonly stamp: { time: number; date: number };

  constructor(
    private readonly level: number = constants.Z_DEFAULT_COMPRESSION,
    modified: Date = new Date(),
  ) {
    this.stamp = dosTime(modified);
  }

  private advance(b: Buffer): Buffer {
    this.offset += b.length;
    if (this.offset > MAX32) throw new Error('ZIP archive larger than 4 GiB (no ZIP64)');
    return b;
  }

  /** One entry: local header, the deflated data as it comes, the data descriptor. */
  async *entry(name: string, data: AsyncIterable<string | Buffer> | Iterable<string | Buffer>): AsyncGenerator<Buffer> {
    const nameBytes = Buffer.from(name, 'utf8');
    const w: Written = { name: nameBytes, crc: 0, compressed: 0, size: 0, offset: this.offset };
    const h = Buffer.alloc(30);
    h.writeUInt32LE(SIG_LOCAL, 0);
    h.writeUInt16LE(VERSION, 4);
    h.writeUInt16LE(FLAGS, 6);
    h.writeUInt16LE(DEFLATE, 8);
    h.writeUInt16LE(this.stamp.time, 10);
    h.writeUInt16LE(this.stamp.date, 12);
    // CRC and sizes (14–25) stay zero here: the descriptor carries them.
    h.writeUInt16LE(nameBytes.length, 26);
    yield this.advance(Buffer.concat([h, nameBytes]));

    const counted = async function* () {
      for await (const chunk of data) {
        const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        w.crc = crc32(b, w.crc);
        w.size += b.length;
        yield b;
      }
    };
    const deflate = createDeflateRaw({ level: this.level });
    const source = Readable.from(counted(), { objectMode: false, highWaterMark: 64 * 1024 });
    // Consumed below as deflate's output is read; when the reader stops early, leaving the loop
    // destroys deflate and the pipeline rejects: that rejection is expected, not unhandled.
    const feeding = pipeline(source, deflate);
    feeding.catch(() => undefined);
    for await (const out of deflate as AsyncIterable<Buffer>) {
      w.compressed += out.length;
      yield this.advance(out);
    }
    await feeding;
    if (w.size > MAX32) throw new Error(`ZIP entry ${name} larger than 4 GiB (no ZIP64)`);

    const d = Buffer.alloc(16);
    d.writeUInt32LE(SIG_DESCRIPTOR, 0);
    d.writeUInt32LE(w.crc >>> 0, 4);
    d.writeUInt32LE(w.compressed, 8);
    d.writeUInt32LE(w.size, 12);
    yield this.advance(d);
    this.written.push(w);
  }

  /** The central directory and its end record: the index a reader starts from. */
  finish(): Buffer {
    const start = this.offset;
    const parts: Buffer[] = [];
    for (const w of this.written) {
      const c = Buffer.alloc(46);
      c.writeUInt32LE(SIG_CENTRAL, 0);
      c.writeUInt16LE(VERSION, 4); // made by: MS-DOS attributes, spec 2.0
      c.writeUInt16LE(VERSION, 6);
      c.writeUInt16LE(FLAGS, 8);
      c.writeUInt16LE(DEFLATE, 10);
      c.writeUInt16LE(this.stamp.time, 12);
      c.writeUInt16LE(this.stamp.date, 14);
      c.writeUInt32LE(w.crc >>> 0, 16);
      c.writeUInt32LE(w.compressed, 20);
      c.writeUInt32LE(w.size, 24);
      c.writeUInt16LE(w.name.length, 28);
      c.writeUInt32LE(w.offset, 42);
      parts.push(c, w.name);
    }
    const dir = Buffer.concat(parts);
    if (this.written.length > 0xffff) throw new Error('ZIP archive with more than 65,535 entries (no ZIP64)');
    const e = Buffer.alloc(22);
    e.writeUInt32LE(SIG_END, 0);
    e.writeUInt16LE(this.written.length, 8);
    e.writeUInt16LE(this.written.length, 10);
    e.writeUInt32LE(dir.length, 12);
    e.writeUInt32LE(start, 16);
    return this.advance(Buffer.concat([dir, e]));
  }
}
