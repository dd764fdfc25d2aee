/**
 * A zip archive written front to back, for entries whose size is unknown until they end.
 * Each entry has a local header with general-purpose bit 3 set (sizes and CRC follow the data in
 * a data descriptor), then deflated data, then the descriptor; the central directory comes last.
 * Only the central directory grows, by one small record per entry.
 *
 * Limit: no ZIP64, so each entry and the whole archive must stay under 4 GiB; past that the
 * stream fails rather than write a corrupt file. An XLSX sheet of Excel's 1,048,576 rows stays
 * well under it unless rows average more than about 4 KB of XML.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { batchText } from './batch.ts';

export interface ZipEntry {
  name: string;
  content: AsyncIterable<string> | Iterable<string>;
}

const deflateRaw = promisify(zlib.deflateRaw);
// Each chunk is deflated on its own (off the main thread) and ends with a sync flush, which
// leaves the deflate stream open; an empty final fixed-Huffman block (0x03 0x00) closes it.
const FLUSH = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
const FINAL_BLOCK = new Uint8Array([0x03, 0x00]);
const MAX_32 = 0xffff_ffff;
const VERSION = 20; // 2.0: deflate and data descriptors
const FLAGS = 0x0808; // bit 3: data descriptor; bit 11: names are UTF-8
const DEFLATE = 8;
// A fixed timestamp (1980-01-01 00:00, the DOS epoch) so the same export gives the same bytes.
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1;

export async function* zipStream(
  entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>,
): AsyncGenerator<Uint8Array> {
  const central: Buffer[] = [];
  let offset = 0;
  for await (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const headerOffset = offset;
    const header = localHeader(name);
    offset += header.length;
    yield header;
    let crc = 0;
    let size = 0;
    let compressed = 0;
    for await (const text of batchText(entry.content)) {
      const data = Buffer.from(text, 'utf8');
      crc = zlib.crc32(data, crc);
      size += data.length;
      const out = await deflateRaw(data, FLUSH);
      compressed += out.length;
      yield out;
    }
    compressed += FINAL_BLOCK.length;
    yield FINAL_BLOCK;
    if (size > MAX_32 || compressed > MAX_32 || offset + compressed > MAX_32) {
      throw new RangeError(`zip entry ${entry.name} passes 4 GiB; ZIP64 is not supported`);
    }
    const descriptor = dataDescriptor(crc, compressed, size);
    offset += compressed + descriptor.length;
    yield descriptor;
    central.push(centralRecord(name, crc, compressed, size, headerOffset));
  }
  const directory = Buffer.concat(central);
  if (central.length > 0xffff || offset + directory.length > MAX_32) {
    throw new RangeError('zip archive passes 4 GiB or 65,535 entries; ZIP64 is not supported');
  }
  yield directory;
  yield endOfCentralDirectory(central.length, directory.length, offset);
}

function localHeader(name: Buffer): Buffer {
  const b = Buffer.alloc(30);
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(VERSION, 4);
  b.writeUInt16LE(FLAGS, 6);
  b.writeUInt16LE(DEFLATE, 8);
  b.writeUInt16LE(DOS_TIME, 10);
  b.writeUInt16LE(DOS_DATE, 12);
  // CRC and sizes (14–25) stay zero: bit 3 says they are in the data descriptor.
  b.writeUInt16LE(name.length, 26);
  return Buffer.concat([b, name]);
}

function dataDescriptor(crc: number, compressed: number, size: number): Buffer {
  const b = Buffer.alloc(16);
  b.writeUInt32LE(0x08074b50, 0);
  b.writeUInt32LE(crc, 4);
  b.writeUInt32LE(compressed, 8);
  b.writeUInt32LE(size, 12);
  return b;
}

function centralRecord(
  name: Buffer,
  crc: number,
  compressed: number,
  size: number,
  headerOffset: number,
): Buffer {
  const b = Buffer.alloc(46);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(VERSION, 4); // made by: MS-DOS attributes, version 2.0
  b.writeUInt16LE(VERSION, 6);
  b.writeUInt16LE(FLAGS, 8);
  b.writeUInt16LE(DEFLATE, 10);
  b.writeUInt16LE(DOS_TIME, 12);
  b.writeUInt16LE(DOS_DATE, 14);
  b.writeUInt32LE(crc, 16);
  b.writeUInt32LE(compressed, 20);
  b.writeUInt32LE(size, 24);
  b.writeUInt16LE(name.length, 28);
  // Extra field, comment, disk number and attributes (30–41) are all zero.
  b.writeUInt32LE(headerOffset, 42);
  return Buffer.concat([b, name]);
}

function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(0x06054b50, 0);
  b.writeUInt16LE(count, 8);
  b.writeUInt16LE(count, 10);
  b.writeUInt32LE(size, 12);
  b.writeUInt32LE(offset, 16);
  return b;
}
