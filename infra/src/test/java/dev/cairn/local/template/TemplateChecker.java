package dev.cairn.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.path.NodePath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a SAM template offline, as far as schemas allow (no SAM CLI or cfn-lint here):
 * <ol>
 *   <li>the template against SAM's schema, each SAM resource against its own kind's definition
 *       (catches misspelled SAM properties and events);
 *   <li>each CloudFormation resource's Properties against its provider schema;
 *   <li>the properties SAM passes through to Lambda (Runtime, MemorySize, SnapStart...) and to an
 *       event-source mapping (BatchSize, FunctionResponseTypes) against those resources' schemas;
 *   <li>every reference's target ({@link ReferenceChecker}).
 * </ol>
 * Schema errors located at or inside an intrinsic function are skipped: a schema cannot know what
 * {@code !Ref X} evaluates to. A resource type with no schema is reported as unchecked.
 */
final class TemplateChecker {
    /** SAM Tags are a map, Lambda's a list of key/value pairs: same name, different shape. */
    private static final Set<String> NOT_PASSED_THROUGH = Set.of("Tags");

    private final SchemaSet schemas;

    record Result(List<String> problems, Set<String> checkedTypes, Set<String> uncheckedTypes) {}

    TemplateChecker(Path schemasDir) {
        this.schemas = new SchemaSet(schemasDir);
    }

    Result check(SamTemplate template) {
        List<String> problems = new ArrayList<>();
        Set<String> checked = new TreeSet<>();
        Set<String> unchecked = new TreeSet<>();
        ObjectNode json = template.json();

        validate(schemas.samTemplate(), json, "", problems);

        for (Map.Entry<String, ObjectNode> e : template.resources().entrySet()) {
            String id = e.getKey();
            String type = e.getValue().path("Type").asText();
            JsonNode properties = e.getValue().has("Properties") ? e.getValue().get("Properties") : JsonNodeFactory.instance.objectNode();
            if (type.startsWith("AWS::Serverless::")) {
                var sam = schemas.samResource(type);
                if (sam.isEmpty()) {
                    unchecked.add(type);
                    continue;
                }
                checked.add(type + " (sam.schema.json)");
                validate(sam.get(), e.getValue(), "Resources." + id, problems);
                if (type.equals(SamTemplate.FUNCTION)) {
                    passThrough(id, template.functionProperties(id), "AWS::Lambda::Function", "Resources." + id + ".Properties", problems, checked, unchecked);
                    for (Map.Entry<String, JsonNode> ev : template.functionProperties(id).path("Events").properties()) {
                        if (ev.getValue().path("Type").asText().equals("SQS")) {
                            passThrough(id, ev.getValue().path("Properties"), "AWS::Lambda::EventSourceMapping",
                                    "Resources." + id + ".Properties.Events." + ev.getKey() + ".Properties", problems, checked, unchecked);
                        }
                    }
                }
                continue;
            }
            var provider = schemas.provider(type);
            if (provider.isEmpty()) {
                unchecked.add(type);
                continue;
            }
            checked.add(type);
            validate(provider.get().schema(), properties, "Resources." + id + ".Properties", problems);
        }

        problems.addAll(new ReferenceChecker(json).problems());
        return new Result(List.copyOf(problems), checked, unchecked);
    }

    /** Validates the properties a SAM resource shares by name with the CloudFormation resource it becomes. */
    private void passThrough(String id, JsonNode samProperties, String cfnType, String where,
                             List<String> problems, Set<String> checked, Set<String> unchecked) {
        var provider = schemas.providerIgnoringRequired(cfnType);
        if (provider.isEmpty()) {
            unchecked.add(cfnType + " (pass-through of " + id + ")");
            return;
        }
        JsonNode declared = provider.get().json().path("properties");
        ObjectNode shared = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> p : samProperties.properties()) {
            if (declared.has(p.getKey()) && !NOT_PASSED_THROUGH.contains(p.getKey())) {
                shared.set(p.getKey(), p.getValue());
            }
        }
        checked.add(cfnType + " (SAM pass-through)");
        validate(provider.get().schema(), shared, where, problems);
    }

    private static void validate(Schema schema, JsonNode instance, String where, List<String> problems) {
        List<Error> errors = schema.validate(instance.toString(), InputFormat.JSON);
        for (Error error : errors) {
            if (!insideIntrinsic(instance, error.getInstanceLocation())) {
                problems.add((where.isEmpty() ? "" : where + ": ") + error);
            }
        }
    }

    /** True when the error's location is an intrinsic function or lies inside one. */
    static boolean insideIntrinsic(JsonNode root, NodePath location) {
        JsonNode node = root;
        if (Intrinsics.isIntrinsic(node)) {
            return true;
        }
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            node = element instanceof Integer index ? node.path(index) : node.path(String.valueOf(element));
            if (node.isMissingNode()) {
                return false;
            }
            if (Intrinsics.isIntrinsic(node)) {
                return true;
            }
        }
        return false;
    }
}
