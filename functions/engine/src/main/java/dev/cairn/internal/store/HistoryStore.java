package dev.cairn.internal.store;

import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.internal.history.HistoryEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The engine's one port to its state. Every change is one conditional write guarded by the run's
 * version (invariant 1); tasks are committed with the change that creates them (invariant 2).
 * Implementations: in memory (tests), SQLite (local), DynamoDB (cloud); one contract suite for all.
 */
public interface HistoryStore {

  /**
   * Creates a run and makes it the workflow id's current run, unless the current run is no longer
   * {@code expectedCurrentRunId} (null: the id must have no run yet).
   *
   * @throws ConcurrentUpdateException when the current run changed
   */
  void create(Commit.NewRun run, String expectedCurrentRunId);

  Optional<ExecutionRecord> get(ExecutionKey key);

  /** The latest run of a workflow id. */
  Optional<ExecutionRecord> getCurrent(String workflowId);

  /** Events with id >= {@code fromEventId}, at most {@code maxEvents}, in order. */
  List<HistoryEvent> readHistory(ExecutionKey key, long fromEventId, int maxEvents);

  /** @throws ConcurrentUpdateException when the run's version is no longer the expected one */
  void commit(Commit commit);

  /** Runs newest first, filtered; {@code pageToken} from the previous page or null. */
  ExecutionPage list(ListQuery query);

  /** Tasks committed before {@code committedBefore} and not yet marked sent, for recovery. */
  List<UnsentTask> findUnsentTasks(Instant committedBefore, int limit);

  /** Idempotent. */
  void markSent(ExecutionKey key, Collection<String> taskIds);

  /** A filter for {@link #list}. */
  record ListQuery(WorkflowExecutionStatus status, String workflowType, java.util.Map<String, Object> searchAttributes,
      int pageSize, String pageToken) {}

  /** One page of runs. */
  record ExecutionPage(List<ExecutionRecord> executions, String nextPageToken) {}

  /** A committed task not yet known to be sent. */
  record UnsentTask(ExecutionKey key, OutboxTask task, Instant committedAt) {}
}
