package dev.cairn.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the intrinsic functions a local runtime needs (Ref, GetAtt, Sub, Join, Select) against
 * parameter values and resource bindings. Conditions and imports have no local meaning: they fail
 * with a message instead of resolving to something plausible but wrong.
 */
final class Intrinsics {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final Function<String, Optional<String>> parameters;
    private final Function<String, Optional<String>> resourceType;
    private final ResourceBindings bindings;

    Intrinsics(Function<String, Optional<String>> parameters,
               Function<String, Optional<String>> resourceType,
               ResourceBindings bindings) {
        this.parameters = parameters;
        this.resourceType = resourceType;
        this.bindings = bindings;
    }

    static boolean isIntrinsic(JsonNode node) {
        if (!node.isObject() || node.size() != 1) {
            return false;
        }
        String key = node.fieldNames().next();
        return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
    }

    /** The value with every intrinsic replaced by what it evaluates to. */
    JsonNode resolve(JsonNode node) {
        if (isIntrinsic(node)) {
            Map.Entry<String, JsonNode> call = node.properties().iterator().next();
            return evaluate(call.getKey(), call.getValue());
        }
        if (node.isObject()) {
            ObjectNode out = JSON.objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.set(e.getKey(), resolve(e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JSON.arrayNode();
            node.forEach(item -> out.add(resolve(item)));
            return out;
        }
        return node;
    }

    String text(JsonNode node) {
        JsonNode value = resolve(node);
        if (!value.isValueNode()) {
            throw new TemplateException("expected a single value, got " + value);
        }
        return value.asText();
    }

    private JsonNode evaluate(String function, JsonNode argument) {
        return switch (function) {
            case "Ref" -> JSON.textNode(ref(argument.asText()));
            case "Fn::GetAtt" -> JSON.textNode(getAtt(argument));
            case "Fn::Sub" -> JSON.textNode(sub(argument));
            case "Fn::Join" -> JSON.textNode(join(argument));
            case "Fn::Select" -> resolve(argument.get(1)).get(Integer.parseInt(text(argument.get(0))));
            default -> throw new TemplateException(function + " has no local meaning: " + argument);
        };
    }

    private String ref(String name) {
        Optional<String> parameter = parameters.apply(name);
        if (parameter.isPresent()) {
            return parameter.get();
        }
        if (resourceType.apply(name).isPresent()) {
            return bindings.ref(name);
        }
        throw new TemplateException("Ref to " + name + ": no such parameter or resource");
    }

    private String getAtt(JsonNode argument) {
        String resource = text(argument.get(0));
        String attribute = text(argument.get(1));
        if (resourceType.apply(resource).isEmpty()) {
            throw new TemplateException("GetAtt " + resource + "." + attribute + ": no such resource");
        }
        return bindings.getAtt(resource, attribute);
    }

    private String sub(JsonNode argument) {
        String template = argument.isArray() ? argument.get(0).asText() : argument.asText();
        JsonNode variables = argument.isArray() && argument.size() > 1 ? argument.get(1) : JSON.objectNode();
        Matcher m = SUB_VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (name.startsWith("!")) {
                value = "${" + name.substring(1) + "}"; // ${!Literal} is written out as ${Literal}
            } else if (variables.has(name)) {
                value = text(variables.get(name));
            } else if (name.contains(".")) {
                int dot = name.indexOf('.');
                value = getAtt(JSON.arrayNode().add(name.substring(0, dot)).add(name.substring(dot + 1)));
            } else {
                value = ref(name);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String join(JsonNode argument) {
        String delimiter = argument.get(0).asText();
        StringBuilder out = new StringBuilder();
        JsonNode items = resolve(argument.get(1));
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(delimiter);
            }
            out.append(items.get(i).asText());
        }
        return out.toString();
    }
}
