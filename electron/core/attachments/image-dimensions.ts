/**
 * Width and height from an image's header, without decoding it: read before
 * any decoding so that a small file declaring a huge canvas (a decompression
 * bomb) is never expanded, and for formats no thumbnail is made of (WebP).
 * JPEG sizes are as stored, before any EXIF rotation.
 */
export function imageDimensions(bytes: Buffer, mimeType: string): { width: number; height: number } | null {
  try {
    switch (mimeType) {
      case 'image/png':
        return positive(bytes.readUInt32BE(16), bytes.readUInt32BE(20));
      case 'image/gif':
        return positive(bytes.readUInt16LE(6), bytes.readUInt16LE(8));
      case 'image/jpeg':
        return jpegDimensions(bytes);
      case 'image/webp':
        return webpDimensions(bytes);
      default:
        return null;
    }
  } catch {
    // A header cut short reads past the end: no size known.
    return null;
  }
}

function positive(width: number, height: number): { width: number; height: number } | null {
  return width > 0 && height > 0 ? { width, height } : null;
}

/** The frame header (SOF0–SOF15 but DHT, JPG and DAC, which share the range) holds the size. */
function jpegDimensions(bytes: Buffer): { width: number; height: number } | null {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2; // markers without a length
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return positive(bytes.readUInt16BE(offset + 7), bytes.readUInt16BE(offset + 5));
    }
    offset += 2 + bytes.readUInt16BE(offset + 2);
  }
  return null;
}

function webpDimensions(bytes: Buffer): { width: number; height: number } | null {
  const chunk = bytes.toString('latin1', 12, 16);
  if (chunk === 'VP8 ') return positive(bytes.readUInt16LE(26) & 0x3fff, bytes.readUInt16LE(28) & 0x3fff);
  if (chunk === 'VP8L') {
    const bits = bytes.readUInt32LE(21);
    return positive((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X') return positive(1 + bytes.readUIntLE(24, 3), 1 + bytes.readUIntLE(27, 3));
  return null;
}
