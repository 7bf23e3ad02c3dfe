import { randomBytes } from 'node:crypto';
import { createJimp } from '@jimp/core';
import jpeg from '@jimp/js-jpeg';

const Jimp = createJimp({ formats: [jpeg] });

/** A JPEG COM segment carries at most this many bytes of payload (its length field is 16 bits, itself included). */
const COM_MAX = 65_533;

/**
 * `count` distinct JPEG photos of exactly `bytes` each: a noisy 640×480 image
 * per photo (so the console decodes it and makes a real thumbnail of its own),
 * then comment segments of random bytes right after SOI to reach the size.
 * Random bytes keep the files incompressible, as photos are.
 */
export async function makePhotos(count: number, bytes: number): Promise<Buffer[]> {
  const photos: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    // Pixels of its own per photo, so that every photo has its own thumbnail too.
    const base = await noisyJpeg(640, 480);
    const padding = bytes - base.length;
    if (padding < 4) throw new Error(`The base photo is already ${base.length} bytes; ask for more than that`);
    photos.push(withComments(base, padding));
  }
  return photos;
}

async function noisyJpeg(width: number, height: number): Promise<Buffer> {
  const image = new Jimp({ width, height, color: 0x808080ff });
  const noise = randomBytes(width * height * 3);
  for (let p = 0; p < width * height; p++) {
    image.bitmap.data[p * 4] = noise[p * 3] as number;
    image.bitmap.data[p * 4 + 1] = noise[p * 3 + 1] as number;
    image.bitmap.data[p * 4 + 2] = noise[p * 3 + 2] as number;
  }
  return image.getBuffer('image/jpeg', { quality: 60 });
}

/** SOI, then comment segments totalling exactly `padding` bytes, then the rest of the file. */
function withComments(jpegBytes: Buffer, padding: number): Buffer {
  const segments: Buffer[] = [];
  let left = padding;
  while (left > 0) {
    // Each segment: FF FE, a 2-byte length (payload + 2), the payload. Never leave a remainder below 4 bytes.
    let payload = Math.min(COM_MAX, left - 4);
    if (left - (payload + 4) > 0 && left - (payload + 4) < 4) payload -= 4;
    const header = Buffer.from([0xff, 0xfe, (payload + 2) >> 8, (payload + 2) & 0xff]);
    segments.push(header, randomBytes(payload));
    left -= payload + 4;
  }
  return Buffer.concat([jpegBytes.subarray(0, 2), ...segments, jpegBytes.subarray(2)]);
}
