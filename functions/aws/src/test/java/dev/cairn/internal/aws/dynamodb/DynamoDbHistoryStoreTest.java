package dev.cairn.internal.aws.dynamodb;

import dev.cairn.internal.store.HistoryStore;
import dev.cairn.internal.store.HistoryStoreContract;
import java.time.Clock;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The DynamoDB store passes the contract every store must pass, on moto_server, a fresh table per test. */
@ExtendWith(MotoServer.class)
class DynamoDbHistoryStoreTest extends HistoryStoreContract {
  private DynamoDbClient dynamo;
  private String table;

  @Override
  protected HistoryStore newStore(Clock clock) {
    dynamo = MotoServer.newClient();
    table = TestTables.create(dynamo);
    return new DynamoDbHistoryStore(dynamo, table, clock);
  }

  @Override
  protected void closeStore(HistoryStore store) {
    if (dynamo != null) {
      TestTables.delete(dynamo, table);
      dynamo.close();
    }
  }
}
