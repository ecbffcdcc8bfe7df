package dev.cairn.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Applies a template's {@code Globals} section to one resource's properties, by SAM's rules: a value
 * set on the resource wins over a global one; maps merge key by key (so a function adds variables to
 * the global Environment rather than replacing it); lists are the global items then the resource's;
 * an intrinsic function counts as a single value, never merged.
 */
final class GlobalsMerger {
    private GlobalsMerger() {}

    static ObjectNode merge(JsonNode globals, JsonNode properties) {
        ObjectNode merged = globals == null || globals.isMissingNode() || globals.isNull()
                ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                : ((ObjectNode) globals).deepCopy();
        if (properties == null || properties.isMissingNode() || properties.isNull()) {
            return merged;
        }
        for (Map.Entry<String, JsonNode> e : properties.properties()) {
            merged.set(e.getKey(), mergeValue(merged.get(e.getKey()), e.getValue()));
        }
        return merged;
    }

    private static JsonNode mergeValue(JsonNode global, JsonNode local) {
        if (global == null) {
            return local.deepCopy();
        }
        boolean bothMaps = global.isObject() && local.isObject()
                && !Intrinsics.isIntrinsic(global) && !Intrinsics.isIntrinsic(local);
        if (bothMaps) {
            return merge(global, local);
        }
        if (global.isArray() && local.isArray()) {
            ArrayNode list = ((ArrayNode) global).deepCopy();
            local.forEach(item -> list.add(item.deepCopy()));
            return list;
        }
        return local.deepCopy();
    }
}
