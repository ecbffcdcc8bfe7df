package dev.cairn.internal.aws.dynamodb;

/** The pause DynamoDB asks for before retrying items a batch call left unprocessed (throttling). */
final class Backoff {
  private Backoff() {}

  static void pause(int round, boolean retrying) {
    if (!retrying) {
      return;
    }
    try {
      Thread.sleep(Math.min(1000L, 25L << round));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying unprocessed DynamoDB items", e);
    }
  }
}
