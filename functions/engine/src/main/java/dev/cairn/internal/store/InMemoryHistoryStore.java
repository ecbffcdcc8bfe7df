package dev.cairn.internal.store;

import dev.cairn.internal.history.HistoryEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The history store in memory, for the test environment and unit tests: one lock, same semantics. */
public final class InMemoryHistoryStore implements HistoryStore {
  private final Clock clock;
  private final Map<ExecutionKey, ExecutionRecord> records = new HashMap<>();
  private final Map<ExecutionKey, List<HistoryEvent>> histories = new HashMap<>();
  private final Map<String, String> currentRun = new HashMap<>();
  private final Map<ExecutionKey, Map<String, UnsentTask>> outbox = new LinkedHashMap<>();

  public InMemoryHistoryStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void create(Commit.NewRun run, String expectedCurrentRunId) {
    String workflowId = run.record().key().workflowId();
    if (!Objects.equals(currentRun.get(workflowId), expectedCurrentRunId)) {
      throw new ConcurrentUpdateException("current run of " + workflowId + " is " + currentRun.get(workflowId)
          + ", not " + expectedCurrentRunId);
    }
    insert(run);
  }

  private void insert(Commit.NewRun run) {
    ExecutionKey key = run.record().key();
    if (records.containsKey(key)) {
      throw new ConcurrentUpdateException("run " + key + " exists");
    }
    records.put(key, run.record());
    histories.put(key, new ArrayList<>(run.events()));
    currentRun.put(key.workflowId(), key.runId());
    addTasks(key, run.tasks());
  }

  private void addTasks(ExecutionKey key, List<OutboxTask> tasks) {
    Instant now = clock.instant();
    for (OutboxTask t : tasks) {
      outbox.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(t.id(), new UnsentTask(key, t, now));
    }
  }

  @Override
  public synchronized Optional<ExecutionRecord> get(ExecutionKey key) {
    return Optional.ofNullable(records.get(key));
  }

  @Override
  public synchronized Optional<ExecutionRecord> getCurrent(String workflowId) {
    String runId = currentRun.get(workflowId);
    return runId == null ? Optional.empty() : get(new ExecutionKey(workflowId, runId));
  }

  @Override
  public synchronized List<HistoryEvent> readHistory(ExecutionKey key, long fromEventId, int maxEvents) {
    List<HistoryEvent> all = histories.getOrDefault(key, List.of());
    List<HistoryEvent> out = new ArrayList<>();
    for (HistoryEvent e : all) {
      if (e.eventId() >= fromEventId && out.size() < maxEvents) {
        out.add(e);
      }
    }
    return out;
  }

  @Override
  public synchronized void commit(Commit commit) {
    ExecutionKey key = commit.record().key();
    ExecutionRecord current = records.get(key);
    if (current == null) {
      throw new IllegalArgumentException("no run " + key);
    }
    if (current.version() != commit.expectedVersion()) {
      throw new ConcurrentUpdateException("run " + key + " is at version " + current.version() + ", not "
          + commit.expectedVersion());
    }
    List<HistoryEvent> history = histories.get(key);
    long expectedId = history.isEmpty() ? 1 : history.get(history.size() - 1).eventId() + 1;
    for (HistoryEvent e : commit.events()) {
      if (e.eventId() != expectedId++) {
        throw new IllegalArgumentException("event ids must continue the history without gaps: got " + e.eventId());
      }
    }
    if (commit.next() != null && !Objects.equals(currentRun.get(key.workflowId()), key.runId())) {
      throw new ConcurrentUpdateException("run " + key + " is no longer current");
    }
    history.addAll(commit.events());
    records.put(key, commit.record());
    addTasks(key, commit.tasks());
    if (commit.next() != null) {
      insert(commit.next());
    }
  }

  @Override
  public synchronized ExecutionPage list(ListQuery q) {
    List<ExecutionRecord> matching = new ArrayList<>();
    for (ExecutionRecord r : records.values()) {
      if (q.status() != null && r.status() != q.status()) {
        continue;
      }
      if (q.workflowType() != null && !q.workflowType().equals(r.workflowType())) {
        continue;
      }
      if (q.searchAttributes() != null && !q.searchAttributes().entrySet().stream()
          .allMatch(e -> Objects.equals(String.valueOf(r.searchAttributes().get(e.getKey())), String.valueOf(e.getValue())))) {
        continue;
      }
      matching.add(r);
    }
    matching.sort(Comparator.comparing(ExecutionRecord::startTime).reversed()
        .thenComparing(r -> r.key().workflowId()).thenComparing(r -> r.key().runId()));
    int from = q.pageToken() == null ? 0 : Integer.parseInt(q.pageToken());
    int size = q.pageSize() <= 0 ? 100 : q.pageSize();
    int to = Math.min(matching.size(), from + size);
    return new ExecutionPage(List.copyOf(matching.subList(Math.min(from, to), to)),
        to < matching.size() ? String.valueOf(to) : null);
  }

  @Override
  public synchronized List<UnsentTask> findUnsentTasks(Instant committedBefore, int limit) {
    List<UnsentTask> out = new ArrayList<>();
    for (Map<String, UnsentTask> tasks : outbox.values()) {
      for (UnsentTask t : tasks.values()) {
        if (t.committedAt().isBefore(committedBefore) && out.size() < limit) {
          out.add(t);
        }
      }
    }
    return out;
  }

  @Override
  public synchronized void markSent(ExecutionKey key, Collection<String> taskIds) {
    Map<String, UnsentTask> tasks = outbox.get(key);
    if (tasks != null) {
      taskIds.forEach(tasks::remove);
      if (tasks.isEmpty()) {
        outbox.remove(key);
      }
    }
  }
}
