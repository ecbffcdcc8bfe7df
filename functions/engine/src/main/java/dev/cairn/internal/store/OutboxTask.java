package dev.cairn.internal.store;

import java.time.Instant;

/**
 * A task committed with the change that created it and sent after the commit (invariant 2): if the
 * process dies in between, recovery finds it unsent and sends it again.
 *
 * @param id unique within the run, so marking it sent is idempotent
 * @param visibleAt when the task is due (a timer's fire time, a retry's backoff, a start delay)
 */
public record OutboxTask(String id, Task task, Instant visibleAt) {}
