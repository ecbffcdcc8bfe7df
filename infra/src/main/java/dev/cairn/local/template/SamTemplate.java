package dev.cairn.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The project's SAM template, read with CloudFormation's short-form tags kept (as long-form
 * intrinsics), and the accessors the local runtime builds its queues, store and event sources from,
 * so that local and cloud run from one description.
 *
 * <p>Values written as {@code !Ref SomeParameter} are resolved with the parameter's default, or the
 * value given to {@link #withParameters(Map)}; pseudo parameters take local values (region
 * us-east-1, account 000000000000 as ElasticMQ uses). Instances are immutable.
 */
public final class SamTemplate {
    public static final String QUEUE = "AWS::SQS::Queue";
    public static final String TABLE = "AWS::DynamoDB::Table";
    public static final String FUNCTION = "AWS::Serverless::Function";

    /** Defaults of SAM and Lambda when neither the function nor Globals say. */
    private static final int DEFAULT_TIMEOUT = 3;
    private static final int DEFAULT_MEMORY = 128;
    private static final int DEFAULT_SQS_BATCH = 10;

    private static final Map<String, String> PSEUDO_PARAMETERS = Map.of(
            "AWS::Region", "us-east-1",
            "AWS::AccountId", "000000000000",
            "AWS::Partition", "aws",
            "AWS::URLSuffix", "amazonaws.com",
            "AWS::StackName", "cairn-local",
            "AWS::StackId", "arn:aws:cloudformation:us-east-1:000000000000:stack/cairn-local/local");

    private final ObjectNode document;
    private final Map<String, String> parameterOverrides;

    private SamTemplate(ObjectNode document, Map<String, String> parameterOverrides) {
        this.document = document;
        this.parameterOverrides = Map.copyOf(parameterOverrides);
    }

    public static SamTemplate read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return of(TaggedYamlReader.read(reader));
        }
    }

    /** The nearest {@code template.yaml} in {@code start} or a directory above it (the repository root). */
    public static Optional<Path> find(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("template.yaml");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static SamTemplate parse(String yaml) {
        return of(TaggedYamlReader.read(new StringReader(yaml)));
    }

    private static SamTemplate of(JsonNode root) {
        if (!root.isObject() || !root.path("Resources").isObject()) {
            throw new TemplateException("a template is a mapping with a Resources section");
        }
        return new SamTemplate((ObjectNode) root, Map.of());
    }

    /** The same template with these parameter values instead of the defaults. */
    public SamTemplate withParameters(Map<String, String> values) {
        Map<String, String> merged = new LinkedHashMap<>(parameterOverrides);
        merged.putAll(values);
        return new SamTemplate(document, merged);
    }

    /** The whole template in CloudFormation's JSON form (a copy: intrinsics as {"Ref": ...}, {"Fn::GetAtt": [...]}). */
    public ObjectNode json() {
        return document.deepCopy();
    }

    // ------------------------------------------------------------------ parameters and resources

    public Map<String, JsonNode> parameters() {
        return fields(document.path("Parameters"));
    }

    /** A parameter's value: the override, else its Default; empty for an unknown name. */
    public Optional<String> parameter(String name) {
        if (parameterOverrides.containsKey(name)) {
            return Optional.of(parameterOverrides.get(name));
        }
        if (PSEUDO_PARAMETERS.containsKey(name)) {
            return Optional.of(PSEUDO_PARAMETERS.get(name));
        }
        JsonNode declared = document.path("Parameters").path(name);
        if (declared.isMissingNode()) {
            return Optional.empty();
        }
        JsonNode value = declared.path("Default");
        if (value.isMissingNode()) {
            throw new TemplateException("parameter " + name + " has no Default and no value was given");
        }
        return Optional.of(value.asText());
    }

    /** Every resource by logical id, in template order (copies). */
    public Map<String, ObjectNode> resources() {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        fields(document.path("Resources")).forEach((id, r) -> out.put(id, ((ObjectNode) r).deepCopy()));
        return out;
    }

    /** The resources of one type ({@code AWS::SQS::Queue}), by logical id, in template order. */
    public Map<String, ObjectNode> resourcesOfType(String type) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        resources().forEach((id, r) -> {
            if (type.equals(r.path("Type").asText())) {
                out.put(id, r);
            }
        });
        return out;
    }

    public Optional<String> resourceType(String logicalId) {
        JsonNode resource = document.path("Resources").path(logicalId);
        return resource.isObject() ? Optional.of(resource.path("Type").asText()) : Optional.empty();
    }

    // ------------------------------------------------------------------ queues

    public List<QueueDefinition> queues() {
        List<QueueDefinition> out = new ArrayList<>();
        resourcesOfType(QUEUE).keySet().forEach(id -> out.add(queue(id)));
        return out;
    }

    public QueueDefinition queue(String logicalId) {
        JsonNode p = properties(logicalId, QUEUE);
        Optional<QueueDefinition.Redrive> redrive = Optional.empty();
        JsonNode policy = p.path("RedrivePolicy");
        if (!policy.isMissingNode()) {
            String dlq = logicalIdOf(policy.path("deadLetterTargetArn"), logicalId + ".RedrivePolicy.deadLetterTargetArn");
            redrive = Optional.of(new QueueDefinition.Redrive(dlq, integer(policy.path("maxReceiveCount")).orElseThrow(
                    () -> new TemplateException(logicalId + ".RedrivePolicy needs maxReceiveCount"))));
        }
        return new QueueDefinition(
                logicalId,
                integer(p.path("VisibilityTimeout")),
                integer(p.path("MessageRetentionPeriod")),
                integer(p.path("DelaySeconds")),
                integer(p.path("MaximumMessageSize")),
                integer(p.path("ReceiveMessageWaitTimeSeconds")),
                bool(p.path("FifoQueue"), false),
                redrive);
    }

    // ------------------------------------------------------------------ tables

    public List<TableDefinition> tables() {
        List<TableDefinition> out = new ArrayList<>();
        resourcesOfType(TABLE).keySet().forEach(id -> out.add(table(id)));
        return out;
    }

    public TableDefinition table(String logicalId) {
        JsonNode p = properties(logicalId, TABLE);
        Map<String, String> types = new LinkedHashMap<>();
        p.path("AttributeDefinitions").forEach(a -> types.put(text(a.path("AttributeName")), text(a.path("AttributeType"))));
        List<TableDefinition.Index> indexes = new ArrayList<>();
        p.path("GlobalSecondaryIndexes").forEach(i -> indexes.add(new TableDefinition.Index(
                text(i.path("IndexName")), key(i.path("KeySchema")), text(i.path("Projection").path("ProjectionType")))));
        JsonNode ttl = p.path("TimeToLiveSpecification");
        Optional<String> ttlAttribute = bool(ttl.path("Enabled"), false)
                ? Optional.of(text(ttl.path("AttributeName"))) : Optional.empty();
        return new TableDefinition(
                logicalId,
                p.has("BillingMode") ? text(p.path("BillingMode")) : "PROVISIONED",
                key(p.path("KeySchema")),
                Collections.unmodifiableMap(types),
                List.copyOf(indexes),
                ttlAttribute,
                bool(p.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled"), false));
    }

    private TableDefinition.Key key(JsonNode keySchema) {
        String hash = null;
        String range = null;
        for (JsonNode k : keySchema) {
            String type = text(k.path("KeyType"));
            if (type.equals("HASH")) {
                hash = text(k.path("AttributeName"));
            } else if (type.equals("RANGE")) {
                range = text(k.path("AttributeName"));
            }
        }
        if (hash == null) {
            throw new TemplateException("a KeySchema needs a HASH key: " + keySchema);
        }
        return new TableDefinition.Key(hash, Optional.ofNullable(range));
    }

    // ------------------------------------------------------------------ functions

    public List<FunctionDefinition> functions() {
        List<FunctionDefinition> out = new ArrayList<>();
        resourcesOfType(FUNCTION).keySet().forEach(id -> out.add(function(id)));
        return out;
    }

    /** The function's properties merged over Globals.Function, as SAM does before deploying. */
    public ObjectNode functionProperties(String logicalId) {
        JsonNode resource = document.path("Resources").path(logicalId);
        requireType(logicalId, FUNCTION);
        JsonNode globals = resource.has("IgnoreGlobals") ? null : document.path("Globals").path("Function");
        return GlobalsMerger.merge(globals, resource.path("Properties"));
    }

    public FunctionDefinition function(String logicalId) {
        ObjectNode p = functionProperties(logicalId);
        Map<String, JsonNode> environment = new LinkedHashMap<>();
        fields(p.path("Environment").path("Variables")).forEach((k, v) -> environment.put(k, v.deepCopy()));
        List<SqsEventSource> sqs = new ArrayList<>();
        List<ApiEventSource> api = new ArrayList<>();
        List<ScheduleEventSource> schedules = new ArrayList<>();
        List<EventRuleSource> rules = new ArrayList<>();
        fields(p.path("Events")).forEach((name, event) -> {
            JsonNode ep = event.path("Properties");
            switch (text(event.path("Type"))) {
                case "SQS" -> sqs.add(new SqsEventSource(
                        name,
                        logicalIdOf(ep.path("Queue"), logicalId + ".Events." + name + ".Queue"),
                        integer(ep.path("BatchSize")).orElse(DEFAULT_SQS_BATCH),
                        integer(ep.path("MaximumBatchingWindowInSeconds")),
                        texts(ep.path("FunctionResponseTypes")),
                        bool(ep.path("Enabled"), true)));
                case "Api" -> api.add(new ApiEventSource(
                        name,
                        text(ep.path("Path")),
                        text(ep.path("Method")).toUpperCase(Locale.ROOT),
                        ep.has("RestApiId") ? Optional.of(logicalIdOf(ep.path("RestApiId"), name + ".RestApiId")) : Optional.empty()));
                case "Schedule" -> schedules.add(new ScheduleEventSource(
                        name,
                        text(ep.path("Schedule")),
                        enabled(ep),
                        optionalText(ep.path("Input"))));
                // EventBridge Scheduler: the same expressions under another property name.
                case "ScheduleV2" -> schedules.add(new ScheduleEventSource(
                        name,
                        text(ep.path("ScheduleExpression")),
                        enabled(ep),
                        optionalText(ep.path("Input"))));
                case "EventBridgeRule", "CloudWatchEvent" -> rules.add(new EventRuleSource(
                        name,
                        resolve(ep.path("Pattern"), ResourceBindings.none()),
                        enabled(ep),
                        optionalText(ep.path("Input"))));
                default -> { } // other sources (S3, SNS...) are not part of Cairn's topology
            }
        });
        return new FunctionDefinition(
                logicalId,
                text(p.path("Handler")),
                p.has("Runtime") ? text(p.path("Runtime")) : "",
                integer(p.path("Timeout")).orElse(DEFAULT_TIMEOUT),
                integer(p.path("MemorySize")).orElse(DEFAULT_MEMORY),
                Collections.unmodifiableMap(environment),
                List.copyOf(sqs),
                List.copyOf(api),
                List.copyOf(schedules),
                List.copyOf(rules));
    }

    /** SAM's {@code State: ENABLED|DISABLED}, or the older {@code Enabled: true|false}. */
    private boolean enabled(JsonNode eventProperties) {
        return eventProperties.has("State")
                ? text(eventProperties.path("State")).equals("ENABLED")
                : bool(eventProperties.path("Enabled"), true);
    }

    private Optional<String> optionalText(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(text(value));
    }

    /** The function's environment with parameters resolved here and resources by {@code bindings}. */
    public Map<String, String> environment(FunctionDefinition function, ResourceBindings bindings) {
        Intrinsics resolver = intrinsics(bindings);
        Map<String, String> out = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> out.put(name, resolver.text(value)));
        return out;
    }

    /** Any value of the template, with its intrinsics evaluated. */
    public JsonNode resolve(JsonNode value, ResourceBindings bindings) {
        return intrinsics(bindings).resolve(value);
    }

    // ------------------------------------------------------------------ helpers

    private Intrinsics intrinsics(ResourceBindings bindings) {
        return new Intrinsics(this::parameter, this::resourceType, bindings);
    }

    private JsonNode properties(String logicalId, String type) {
        requireType(logicalId, type);
        return document.path("Resources").path(logicalId).path("Properties");
    }

    private void requireType(String logicalId, String type) {
        String actual = resourceType(logicalId).orElseThrow(() -> new TemplateException("no resource " + logicalId));
        if (!actual.equals(type)) {
            throw new TemplateException(logicalId + " is " + actual + ", not " + type);
        }
    }

    /** The logical id a reference names: {@code !Ref X}, {@code !GetAtt X.Arn}, or {@code !Sub "${X.Arn}"}. */
    private static String logicalIdOf(JsonNode reference, String where) {
        if (reference.has("Ref")) {
            return reference.get("Ref").asText();
        }
        if (reference.has("Fn::GetAtt")) {
            return reference.get("Fn::GetAtt").get(0).asText();
        }
        if (reference.has("Fn::Sub") && reference.get("Fn::Sub").isTextual()) {
            String s = reference.get("Fn::Sub").asText();
            if (s.startsWith("${") && s.endsWith("}") && s.indexOf("${", 2) < 0) {
                String inner = s.substring(2, s.length() - 1);
                int dot = inner.indexOf('.');
                return dot < 0 ? inner : inner.substring(0, dot);
            }
        }
        throw new TemplateException(where + " must reference a resource of this template, got " + reference);
    }

    private OptionalInt integer(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return OptionalInt.empty();
        }
        String text = text(value);
        try {
            return OptionalInt.of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            throw new TemplateException("expected a whole number, got '" + text + "'");
        }
    }

    private boolean bool(JsonNode value, boolean otherwise) {
        if (value.isMissingNode() || value.isNull()) {
            return otherwise;
        }
        return Boolean.parseBoolean(text(value));
    }

    private String text(JsonNode value) {
        return intrinsics(ResourceBindings.none()).text(value);
    }

    private List<String> texts(JsonNode values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(text(v)));
        return List.copyOf(out);
    }

    private static Map<String, JsonNode> fields(JsonNode node) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

}
