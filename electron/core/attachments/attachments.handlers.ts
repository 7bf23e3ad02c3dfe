import type { attachmentsContract } from '@shared/api/attachments.contract';
import type { Handlers } from '../api/registry';
import type { AttachmentsServices } from './attachments.services';

export function attachmentsHandlers(service: () => AttachmentsServices): Handlers<typeof attachmentsContract> {
  return {
    'attachments.upload': ({ contentBase64, ...input }) => service().upload({ ...input, bytes: Buffer.from(contentBase64, 'base64') }),
    'attachments.list': (input) => service().list(input.ownerType, input.ownerId),
    'attachments.content': (input) => {
      const { attachment, bytes } = service().content(input.id);
      return { fileName: attachment.fileName, mimeType: attachment.mimeType, contentBase64: bytes.toString('base64') };
    },
    'attachments.thumbnail': (input) => {
      const thumbnail = service().thumbnail(input.id);
      return thumbnail && { mimeType: thumbnail.mimeType, contentBase64: thumbnail.bytes.toString('base64') };
    },
    'attachments.delete': (input) => service().delete(input.id),
    'attachments.restore': (input) => service().restore(input.id),
  };
}
