package dev.cairn.internal.aws.dynamodb;

import dev.cairn.internal.store.ExecutionKey;

/**
 * Where events too large for a DynamoDB item go (invariant 8: large payloads go to S3 by reference,
 * transparently, never truncated). The item keeps a reference in place of the event's JSON.
 */
public interface EventBlobs {
  /** Events whose JSON is larger than this many bytes are stored as blobs. */
  long thresholdBytes();

  /** The largest event accepted at all; larger ones are refused with PayloadTooLargeException. */
  long maxBytes();

  /**
   * Stores an event's JSON and returns its reference. Written before the commit that points at it:
   * a commit that then loses its race leaves an unreferenced object, which the bucket's lifecycle
   * rule removes; the key is unique per write, so a losing writer never overwrites a winner's event.
   */
  String put(ExecutionKey key, long eventId, String json);

  /** The JSON a reference points at. */
  String get(String reference);

  /** Whether an item's element is a reference rather than inline JSON (JSON starts with '{'). */
  static boolean isReference(String element) {
    return !element.startsWith("{");
  }
}
