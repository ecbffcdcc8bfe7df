package dev.cairn.internal.aws.dynamodb;

import static dev.cairn.internal.aws.dynamodb.TableKeys.BY_START_INDEX;
import static dev.cairn.internal.aws.dynamodb.TableKeys.EXPIRES_AT;
import static dev.cairn.internal.aws.dynamodb.TableKeys.LIST_PK;
import static dev.cairn.internal.aws.dynamodb.TableKeys.LIST_SK;
import static dev.cairn.internal.aws.dynamodb.TableKeys.OUTBOX_AT;
import static dev.cairn.internal.aws.dynamodb.TableKeys.OUTBOX_INDEX;
import static dev.cairn.internal.aws.dynamodb.TableKeys.OUTBOX_PK;
import static dev.cairn.internal.aws.dynamodb.TableKeys.PK;
import static dev.cairn.internal.aws.dynamodb.TableKeys.SK;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The Cairn table as template.yaml's CairnTable declares it (keys, the ByStart and Outbox indexes, TTL
 * on expiresAt), for endpoints the template is not deployed to: {@code ./cairn local
 * --dynamodb-endpoint URL}, moto_server, LocalStack. A test keeps the two in step.
 */
public final class CairnTableDefinition {
  private CairnTableDefinition() {}

  public static CreateTableRequest createTableRequest(String tableName) {
    return CreateTableRequest.builder()
        .tableName(tableName)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(string(PK), string(SK), string(LIST_PK), string(LIST_SK), string(OUTBOX_PK),
            string(OUTBOX_AT))
        .keySchema(hash(PK), range(SK))
        .globalSecondaryIndexes(
            index(BY_START_INDEX, LIST_PK, LIST_SK, ProjectionType.ALL),
            index(OUTBOX_INDEX, OUTBOX_PK, OUTBOX_AT, ProjectionType.KEYS_ONLY))
        .build();
  }

  /** The attribute TTL deletes items by (epoch seconds). */
  public static String timeToLiveAttribute() {
    return EXPIRES_AT;
  }

  /**
   * Creates the table with TTL enabled unless it exists, and waits until it is active.
   *
   * @return whether this call created it
   */
  public static boolean createIfAbsent(DynamoDbClient dynamo, String tableName, Duration timeout, Clock clock) {
    boolean created;
    try {
      dynamo.createTable(createTableRequest(tableName));
      created = true;
    } catch (ResourceInUseException e) {
      created = false;
    }
    awaitActive(dynamo, tableName, timeout, clock);
    if (created) {
      dynamo.updateTimeToLive(r -> r.tableName(tableName)
          .timeToLiveSpecification(t -> t.attributeName(EXPIRES_AT).enabled(true)));
    }
    return created;
  }

  private static void awaitActive(DynamoDbClient dynamo, String tableName, Duration timeout, Clock clock) {
    Instant deadline = clock.instant().plus(timeout);
    while (true) {
      try {
        if (dynamo.describeTable(r -> r.tableName(tableName)).table().tableStatus() == TableStatus.ACTIVE) {
          return;
        }
      } catch (ResourceNotFoundException e) {
        // not visible yet
      }
      if (clock.instant().isAfter(deadline)) {
        throw new IllegalStateException("table " + tableName + " not active after " + timeout);
      }
      try {
        Thread.sleep(100); // polling a remote status with a deadline
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for table " + tableName, e);
      }
    }
  }

  private static AttributeDefinition string(String name) {
    return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
  }

  private static KeySchemaElement hash(String name) {
    return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
  }

  private static KeySchemaElement range(String name) {
    return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
  }

  private static GlobalSecondaryIndex index(String name, String hashKey, String rangeKey, ProjectionType projection) {
    return GlobalSecondaryIndex.builder().indexName(name).keySchema(hash(hashKey), range(rangeKey))
        .projection(Projection.builder().projectionType(projection).build()).build();
  }
}
