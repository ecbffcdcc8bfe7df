package dev.cairn.internal.store;

import java.time.Clock;

/** The reference store passes the contract every store must pass. */
class InMemoryHistoryStoreTest extends HistoryStoreContract {
  @Override
  protected HistoryStore newStore(Clock clock) {
    return new InMemoryHistoryStore(clock);
  }
}
