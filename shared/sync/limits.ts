import { MAX_ATTACHMENT_BYTES } from '../domain/attachments';

/**
 * Bounds of the sync protocol. A console splits its outbox into batches within
 * these; the server refuses anything larger with `sync.payload-too-large`.
 */
export const SYNC_LIMITS = {
  /** Entries in one push. */
  pushMaxEntries: 1000,
  /** Bytes of one push body (uncompressed). A config backup of a large switch is a few hundred kB, so one entry always fits. */
  pushMaxBytes: 8 * 1024 * 1024,
  /** Changes in one pull response. */
  pullMaxLimit: 1000,
  pullDefaultLimit: 500,
  /** A pull response stops adding changes past this many bytes of fields (and says hasMore). */
  pullMaxBytes: 8 * 1024 * 1024,
  /** Any other JSON body (enrolment, admin). */
  jsonMaxBytes: 64 * 1024,
  /** One chunk of an attachment upload. */
  blobChunkMaxBytes: 4 * 1024 * 1024,
  /** A whole attachment: the console's own limit. */
  blobMaxBytes: MAX_ATTACHMENT_BYTES,
  /** Enrolment codes expire after this unless the issuer asks for less (or more, up to the maximum). */
  enrolmentCodeDefaultTtlMs: 24 * 60 * 60 * 1000,
  enrolmentCodeMaxTtlMs: 7 * 24 * 60 * 60 * 1000,
  /**
   * A stamp this far ahead of the server's clock is refused: last-writer-wins
   * would otherwise let one laptop with a wrong date win every edit for years.
   */
  clockAheadMaxMs: 24 * 60 * 60 * 1000,
  /** Consoles warn the user when their clock is this far from `serverTime`. */
  clockDriftWarningMs: 5 * 60 * 1000,
} as const;
