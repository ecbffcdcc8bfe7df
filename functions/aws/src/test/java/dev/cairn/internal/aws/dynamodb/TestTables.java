package dev.cairn.internal.aws.dynamodb;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Fresh Cairn tables for tests: one per test, so no test sees another's items. */
public final class TestTables {
  private TestTables() {}

  /** Creates a table with a unique name and returns the name. */
  public static String create(DynamoDbClient dynamo) {
    String name = "cairn-test-" + UUID.randomUUID();
    CairnTableDefinition.createIfAbsent(dynamo, name, Duration.ofSeconds(30), Clock.systemUTC());
    return name;
  }

  public static void delete(DynamoDbClient dynamo, String name) {
    dynamo.deleteTable(r -> r.tableName(name));
  }
}
