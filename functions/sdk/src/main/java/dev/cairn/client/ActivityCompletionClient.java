package dev.cairn.client;

/** Completes activities that returned after {@code doNotCompleteOnReturn()}, by task token. */
public interface ActivityCompletionClient {
  <R> void complete(byte[] taskToken, R result);

  void completeExceptionally(byte[] taskToken, Exception result);

  <V> void reportCancellation(byte[] taskToken, V details);

  <V> void heartbeat(byte[] taskToken, V details);
}
