package dev.cairn.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The schemas under shared/schemas, loaded once: SAM's (draft-04) and CloudFormation's provider
 * schemas (draft-07 in practice). Everything is read from disk; nothing is fetched.
 */
final class SchemaSet {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path schemas;
    private final Map<String, Optional<ProviderSchema>> providers = new HashMap<>();
    private final Map<String, Optional<Schema>> samResources = new HashMap<>();
    private JsonNode samJson;
    private Schema samTemplate;

    /** A provider schema: the validator, and its raw JSON (to see which properties it declares). */
    record ProviderSchema(Schema schema, JsonNode json) {}

    SchemaSet(Path schemas) {
        this.schemas = schemas;
    }

    /**
     * SAM's schema for the template as a whole, except Resources' values. SAM's schema checks each
     * resource against an anyOf of every resource kind, so one mistake comes back as dozens of errors,
     * one per kind ("Type is not AWS::Serverless::Connector"...), none of them located inside an
     * intrinsic even when the cause is; {@link #samResource(String)} checks each resource against
     * its own kind instead.
     */
    synchronized Schema samTemplate() {
        if (samTemplate == null) {
            ObjectNode json = samJson().deepCopy();
            ((ObjectNode) json.path("properties").path("Resources")).putObject("additionalProperties").put("type", "object");
            samTemplate = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(json.toString(), InputFormat.JSON);
        }
        return samTemplate;
    }

    /** SAM's schema for one resource of an {@code AWS::Serverless::*} type; empty if SAM's schema has no such kind. */
    synchronized Optional<Schema> samResource(String type) {
        return samResources.computeIfAbsent(type, t -> {
            for (Map.Entry<String, JsonNode> d : samJson().path("definitions").properties()) {
                JsonNode types = d.getValue().path("properties").path("Type").path("enum");
                if (d.getKey().endsWith("__Resource") && types.size() == 1 && types.get(0).asText().equals(t)) {
                    ObjectNode root = MAPPER.createObjectNode();
                    root.put("$schema", samJson().path("$schema").asText());
                    root.putArray("allOf").addObject().put("$ref", "#/definitions/" + d.getKey());
                    root.set("definitions", samJson().path("definitions"));
                    return Optional.of(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                            .getSchema(root.toString(), InputFormat.JSON));
                }
            }
            return Optional.empty();
        });
    }

    private JsonNode samJson() {
        if (samJson == null) {
            samJson = read(schemas.resolve("sam/sam.schema.json"));
        }
        return samJson;
    }

    /** {@code AWS::SQS::Queue} → cfn-registry/aws-sqs-queue.json, if the folder has it. */
    synchronized Optional<ProviderSchema> provider(String type) {
        return providers.computeIfAbsent(type, t -> {
            Path file = schemas.resolve("cfn-registry").resolve(t.toLowerCase(Locale.ROOT).replace("::", "-") + ".json");
            return Files.isRegularFile(file) ? Optional.of(load(read(file))) : Optional.empty();
        });
    }

    /** The provider schema without its {@code required} list: for properties SAM fills in itself (Code, Role). */
    synchronized Optional<ProviderSchema> providerIgnoringRequired(String type) {
        return provider(type).map(p -> {
            ObjectNode json = ((ObjectNode) p.json()).deepCopy();
            json.remove("required");
            return load(json);
        });
    }

    private static ProviderSchema load(JsonNode json) {
        ObjectNode copy = ((ObjectNode) json).deepCopy();
        // Some provider schemas name a remote meta-schema; the validator would try to fetch it.
        copy.remove("$schema");
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(copy.toString(), InputFormat.JSON);
        return new ProviderSchema(schema, copy);
    }

    private static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
