package dev.cairn.internal.aws.dynamodb;

import java.time.Duration;

/**
 * Settings of the DynamoDB history store.
 *
 * @param closedRunRetention how long a closed run stays readable before TTL deletes it; null keeps it forever
 * @param expireHistoryOnClose whether closing a run also stamps its earlier history items with the TTL
 *     (one UpdateItem per history item after the closing commit); without it only the record, the
 *     current-run pointer and the closing commit's own history items expire
 * @param listShards partitions of the ByStart index; fixed for the life of a table (runs are listed
 *     from shards 0..n-1 only)
 * @param outboxShards partitions of the Outbox index; may grow, never shrink, while tasks are unsent
 */
public record DynamoDbStoreSettings(Duration closedRunRetention, boolean expireHistoryOnClose, int listShards,
    int outboxShards) {

  public DynamoDbStoreSettings {
    if (listShards < 1 || outboxShards < 1) {
      throw new IllegalArgumentException("shard counts must be at least 1");
    }
    if (closedRunRetention != null && closedRunRetention.isNegative()) {
      throw new IllegalArgumentException("closedRunRetention must not be negative");
    }
  }

  /** 30 days of retention, history expired with its run, 8 listing shards, 4 outbox shards. */
  public static DynamoDbStoreSettings defaults() {
    return new DynamoDbStoreSettings(Duration.ofDays(30), true, 8, 4);
  }

  public DynamoDbStoreSettings withClosedRunRetention(Duration retention) {
    return new DynamoDbStoreSettings(retention, expireHistoryOnClose, listShards, outboxShards);
  }
}
