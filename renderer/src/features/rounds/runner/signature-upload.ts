import { api } from '../../../api';

/**
 * Stores a drawn signature as a PNG attachment of the round and returns its
 * id, for `rounds.sign` or a signature item's entry.
 */
export async function uploadSignature(roundId: string, contentBase64: string, at: Date = new Date()): Promise<string> {
  const stamp = at.toISOString().replace(/[-:]/g, '').slice(0, 15);
  const attachment = await api.call('attachments.upload', { ownerType: 'round-item', ownerId: roundId, fileName: `signature-${stamp}.png`, contentBase64 });
  return attachment.id;
}
