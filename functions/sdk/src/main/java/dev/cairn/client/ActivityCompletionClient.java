package dev.cairn.client;

/** Completes activities that returned after {@code doNotCompleteOnReturn()}, by task token. */
public interface ActivityCompletionClient {
  <R> void complete(byte[] taskToken, R result);

  void completeExceptionally(byte[] taskToken, Exception result);

  <V> void reportCancellation(byte[] taskToken, V details);

  /**
   * Records progress of an activity completed by token.
   *
   * @throws ActivityCanceledException when its workflow requested the activity's cancellation: report
   *     it with {@link #reportCancellation} once cleaned up
   * @throws ActivityNotExistsException when the activity is no longer running
   */
  <V> void heartbeat(byte[] taskToken, V details) throws ActivityCompletionException;
}
