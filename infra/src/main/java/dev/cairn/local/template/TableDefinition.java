package dev.cairn.local.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code AWS::DynamoDB::Table} of the template: what a store created from it must provide.
 *
 * @param attributeTypes key attribute name to its type (S, N or B)
 * @param ttlAttribute the attribute DynamoDB expires items by, when TTL is enabled
 */
public record TableDefinition(
        String logicalId,
        String billingMode,
        Key key,
        Map<String, String> attributeTypes,
        List<Index> globalSecondaryIndexes,
        Optional<String> ttlAttribute,
        boolean pointInTimeRecovery) {

    /** A primary or index key: a partition key and an optional sort key. */
    public record Key(String partitionKey, Optional<String> sortKey) {}

    /** A global secondary index; projectionType is ALL, KEYS_ONLY or INCLUDE. */
    public record Index(String name, Key key, String projectionType) {}

    public Optional<Index> index(String name) {
        return globalSecondaryIndexes.stream().filter(i -> i.name().equals(name)).findFirst();
    }
}
