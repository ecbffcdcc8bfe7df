package dev.cairn.activity;

import dev.cairn.client.ActivityCompletionException;
import java.lang.reflect.Type;
import java.util.Optional;

/** The running activity's handle on its task: heartbeats, info, and asynchronous completion. */
public interface ActivityExecutionContext {
  ActivityInfo getInfo();

  /**
   * Reports progress; the details are handed to the next attempt if this one fails. Throws when the
   * activity was canceled, timed out or the worker is shutting down, which is how a long activity
   * learns it should stop.
   */
  <V> void heartbeat(V details) throws ActivityCompletionException;

  /** The last heartbeat details of this or a previous attempt, to resume where it left off. */
  <V> Optional<V> getHeartbeatDetails(Class<V> detailsClass);

  <V> Optional<V> getHeartbeatDetails(Class<V> detailsClass, Type detailsGenericType);

  byte[] getTaskToken();

  /**
   * The activity's return does not complete it; it is completed later through
   * ActivityCompletionClient using the task token.
   */
  void doNotCompleteOnReturn();

  boolean isDoNotCompleteOnReturn();
}
