import { createJimp } from '@jimp/core';
import gif from '@jimp/js-gif';
import jpeg from '@jimp/js-jpeg';
import png from '@jimp/js-png';
import { methods as resize } from '@jimp/plugin-resize';
import { THUMBNAIL_MAX_SIDE } from '@shared/domain/attachments';
import { imageDimensions } from './image-dimensions';

/**
 * Jimp with only the codecs and the one plugin thumbnails need (pure
 * JavaScript: sharp's native binaries cannot be shipped from here), a third of
 * the size of the full `jimp` bundle. WebP and HEIC have no pure-JS decoder
 * worth bundling; they are stored without a thumbnail.
 */
const Jimp = createJimp({ formats: [jpeg, png, gif], plugins: [resize] });

const DECODABLE = new Set(['image/jpeg', 'image/png', 'image/gif']);

/**
 * Above this many pixels an image is not decoded (a 12 MP phone photo is
 * 48 MB as RGBA; 50 MP is 200 MB). Such a file is kept without a thumbnail.
 */
export const MAX_DECODED_PIXELS = 50_000_000;

const JPEG_QUALITY = 80;

export interface Thumbnail {
  /** The thumbnail's bytes; the original's own bytes when it is already small enough. */
  bytes: Buffer;
  /** Whether `bytes` is the original file (then no second blob is stored). */
  isOriginal: boolean;
}

export interface ImageFacts {
  /** As shown: after EXIF rotation when the image was decoded. */
  width: number | null;
  height: number | null;
  thumbnail: Thumbnail | null;
}

/**
 * Size and thumbnail of an image: the longest side scaled down to
 * THUMBNAIL_MAX_SIDE, EXIF orientation applied (phones store photos sideways
 * and say so in EXIF). Photos become JPEG; PNG and GIF stay PNG, since they
 * may be transparent and JPEG has no alpha. A file that cannot be decoded
 * (truncated, an unsupported JPEG variant) still has its header size and is
 * stored without a thumbnail: the attachment matters more than its preview.
 */
export async function describeImage(bytes: Buffer, mimeType: string): Promise<ImageFacts> {
  const header = imageDimensions(bytes, mimeType);
  const none = { width: header?.width ?? null, height: header?.height ?? null, thumbnail: null };
  if (!DECODABLE.has(mimeType) || !header || header.width * header.height > MAX_DECODED_PIXELS) return none;
  let image: Awaited<ReturnType<typeof Jimp.fromBuffer>>;
  try {
    image = await Jimp.fromBuffer(bytes);
  } catch {
    return none;
  }
  const { width, height } = image;
  // A small PNG or GIF is its own thumbnail. A small JPEG is not: it may carry an EXIF rotation that
  // only the decoded copy has applied, and <img> honours EXIF differently across browsers.
  if (width <= THUMBNAIL_MAX_SIDE && height <= THUMBNAIL_MAX_SIDE && mimeType !== 'image/jpeg') {
    return { width, height, thumbnail: { bytes, isOriginal: true } };
  }
  image.scaleToFit({ w: THUMBNAIL_MAX_SIDE, h: THUMBNAIL_MAX_SIDE });
  const encoded = mimeType === 'image/jpeg' ? await image.getBuffer('image/jpeg', { quality: JPEG_QUALITY }) : await image.getBuffer('image/png');
  return { width, height, thumbnail: { bytes: encoded, isOriginal: false } };
}

/** The MIME type of a stored thumbnail, from its signature (thumbnails are JPEG, PNG or a small original GIF). */
export function thumbnailMimeType(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes.toString('latin1', 0, 4) === 'GIF8') return 'image/gif';
  return 'image/png';
}
