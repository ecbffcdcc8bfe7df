package dev.cairn.internal.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The table the code creates is the table template.yaml deploys, so local and cloud cannot drift. */
class CairnTableDefinitionTest {

  @Test
  void createTableRequest_shouldMatchTheTemplatesCairnTable() throws IOException {
    JsonNode table = template().path("Resources").path("CairnTable");
    assertEquals("AWS::DynamoDB::Table", table.path("Type").asText());
    JsonNode props = table.path("Properties");
    CreateTableRequest request = CairnTableDefinition.createTableRequest("t");

    Map<String, String> templateAttributes = new TreeMap<>();
    props.path("AttributeDefinitions").forEach(a -> templateAttributes.put(a.path("AttributeName").asText(),
        a.path("AttributeType").asText()));
    Map<String, String> codeAttributes = new TreeMap<>();
    request.attributeDefinitions().forEach(a -> codeAttributes.put(a.attributeName(), a.attributeTypeAsString()));
    assertEquals(templateAttributes, codeAttributes, "attribute definitions");

    assertEquals(keys(props.path("KeySchema")), request.keySchema().stream()
        .map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList(), "table keys");
    assertEquals(props.path("BillingMode").asText(), request.billingModeAsString());

    Map<String, String> templateIndexes = new TreeMap<>();
    props.path("GlobalSecondaryIndexes").forEach(i -> templateIndexes.put(i.path("IndexName").asText(),
        keys(i.path("KeySchema")) + " " + i.path("Projection").path("ProjectionType").asText()));
    Map<String, String> codeIndexes = new TreeMap<>();
    for (GlobalSecondaryIndex i : request.globalSecondaryIndexes()) {
      codeIndexes.put(i.indexName(), i.keySchema().stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString())
          .toList() + " " + i.projection().projectionTypeAsString());
    }
    assertEquals(templateIndexes, codeIndexes, "global secondary indexes");

    JsonNode ttl = props.path("TimeToLiveSpecification");
    assertTrue(ttl.path("Enabled").asBoolean(), "TTL enabled in the template");
    assertEquals(ttl.path("AttributeName").asText(), CairnTableDefinition.timeToLiveAttribute());
  }

  @Test
  @ExtendWith(MotoServer.class)
  void createIfAbsent_shouldCreateTheTableOnce_whenCalledTwice() {
    try (DynamoDbClient dynamo = MotoServer.newClient()) {
      String name = "cairn-definition-" + java.util.UUID.randomUUID();
      assertTrue(CairnTableDefinition.createIfAbsent(dynamo, name, Duration.ofSeconds(30), Clock.systemUTC()));
      try {
        assertEquals(false, CairnTableDefinition.createIfAbsent(dynamo, name, Duration.ofSeconds(30), Clock.systemUTC()));
        TableDescription d = dynamo.describeTable(r -> r.tableName(name)).table();
        assertEquals(List.of("ByStart", "Outbox"), d.globalSecondaryIndexes().stream().map(i -> i.indexName()).sorted()
            .toList());
        assertEquals("expiresAt", dynamo.describeTimeToLive(r -> r.tableName(name)).timeToLiveDescription()
            .attributeName());
      } finally {
        TestTables.delete(dynamo, name);
      }
    }
  }

  private static List<String> keys(JsonNode keySchema) {
    List<String> out = new ArrayList<>();
    keySchema.forEach(k -> out.add(k.path("AttributeName").asText() + ":" + k.path("KeyType").asText()));
    return out;
  }

  /** template.yaml, read as plain YAML: SAM's short tags (!Ref, !GetAtt, !Sub) are kept as their values. */
  private static JsonNode template() throws IOException {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("template.yaml"))) {
      dir = dir.getParent();
    }
    assertTrue(dir != null, "template.yaml above " + Path.of("").toAbsolutePath());
    return new ObjectMapper(new YAMLFactory()).readTree(dir.resolve("template.yaml").toFile());
  }
}
