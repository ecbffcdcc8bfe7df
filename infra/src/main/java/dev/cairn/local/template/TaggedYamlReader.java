package dev.cairn.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Reader;
import java.math.BigInteger;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads CloudFormation YAML into a Jackson tree in the long (JSON) form.
 *
 * <p>Why not Jackson's YAML parser alone: it drops local tags, so {@code !GetAtt Q.Arn} would read as
 * the plain string {@code "Q.Arn"} and {@code !If [C, 1, 2]} as an array, and every later check would
 * be checking the wrong thing. SnakeYAML's {@code compose} keeps the tag on each node; this class
 * rebuilds {@code {"Fn::GetAtt": ["Q", "Arn"]}} and the like from it, as CloudFormation itself does.
 */
final class TaggedYamlReader {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The short forms CloudFormation accepts (plus the language-extension ones), without "Fn::". */
    private static final Set<String> FUNCTIONS = Set.of(
            "Sub", "If", "Equals", "Join", "Select", "Split", "FindInMap", "GetAZs", "ImportValue",
            "Not", "And", "Or", "Base64", "Cidr", "Transform", "Length", "ToJsonString");

    private TaggedYamlReader() {}

    static JsonNode read(Reader yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Node root = new Yaml(options).compose(yaml);
        if (root == null) {
            throw new TemplateException("the template is empty");
        }
        return convert(root);
    }

    private static JsonNode convert(Node node) {
        String tag = node.getTag().getValue();
        if (tag.startsWith("!")) {
            return intrinsic(tag.substring(1), node);
        }
        return plain(node);
    }

    private static JsonNode plain(Node node) {
        if (node instanceof MappingNode mapping) {
            ObjectNode object = JSON.objectNode();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = scalarText(tuple.getKeyNode());
                // CloudFormation refuses duplicate keys; a silent last-one-wins would hide a mistake.
                if (object.has(key)) {
                    throw new TemplateException("duplicate key '" + key + "' at " + where(tuple.getKeyNode()));
                }
                object.set(key, convert(tuple.getValueNode()));
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = JSON.arrayNode();
            for (Node item : sequence.getValue()) {
                array.add(convert(item));
            }
            return array;
        }
        return scalar((ScalarNode) node);
    }

    private static JsonNode scalar(ScalarNode node) {
        Tag tag = node.getTag();
        String text = node.getValue();
        if (Tag.NULL.equals(tag)) {
            return JSON.nullNode();
        }
        if (Tag.BOOL.equals(tag)) {
            String t = text.toLowerCase(java.util.Locale.ROOT);
            return JSON.booleanNode(t.equals("true") || t.equals("yes") || t.equals("on") || t.equals("y"));
        }
        if (Tag.INT.equals(tag)) {
            try {
                return JSON.numberNode(new BigInteger(text.replace("_", "")).longValueExact());
            } catch (ArithmeticException | NumberFormatException e) {
                return JSON.textNode(text); // hex, octal, sexagesimal: keep as written
            }
        }
        if (Tag.FLOAT.equals(tag)) {
            try {
                return JSON.numberNode(new java.math.BigDecimal(text.replace("_", "")));
            } catch (NumberFormatException e) {
                return JSON.textNode(text); // .inf, .nan
            }
        }
        return JSON.textNode(text);
    }

    private static JsonNode intrinsic(String name, Node node) {
        ObjectNode call = JSON.objectNode();
        switch (name) {
            case "Ref" -> call.set("Ref", JSON.textNode(scalarText(node)));
            case "Condition" -> call.set("Condition", JSON.textNode(scalarText(node)));
            case "GetAtt" -> call.set("Fn::GetAtt", getAtt(node));
            default -> {
                if (!FUNCTIONS.contains(name)) {
                    throw new TemplateException("unknown tag !" + name + " at " + where(node));
                }
                // The tag applies to the node itself; its content is read untagged-as-written.
                JsonNode content = node instanceof ScalarNode s ? JSON.textNode(s.getValue()) : plain(node);
                call.set("Fn::" + name, content);
            }
        }
        return call;
    }

    /** {@code !GetAtt A.B.C} means resource A, attribute "B.C" (nested attributes keep their dots). */
    private static JsonNode getAtt(Node node) {
        if (node instanceof SequenceNode) {
            return plain(node);
        }
        String text = scalarText(node);
        int dot = text.indexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            throw new TemplateException("!GetAtt needs Resource.Attribute, got '" + text + "' at " + where(node));
        }
        return JSON.arrayNode().add(text.substring(0, dot)).add(text.substring(dot + 1));
    }

    private static String scalarText(Node node) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        throw new TemplateException("expected a plain value at " + where(node));
    }

    private static String where(Node node) {
        return node.getStartMark() == null ? "?" : "line " + (node.getStartMark().getLine() + 1);
    }
}
