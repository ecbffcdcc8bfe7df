package dev.cairn.local.events;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EventPatternTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENT = """
            {"version": "0", "source": "shop.orders", "detail-type": "OrderPlaced", "resources": [],
             "detail": {"id": "o-1", "total": 250.5, "status": "NEW", "tags": ["gift", "express"], "coupon": null,
                        "customer": {"tier": "gold", "country": "NL"}}}""";

    private static boolean matches(String pattern) throws Exception {
        return EventPattern.compile(JSON.readTree(pattern)).matches(JSON.readTree(EVENT));
    }

    @Test
    void matches_shouldCompareExactValues_includingNestedFieldsAndArrays() throws Exception {
        assertTrue(matches("{\"source\": [\"shop.orders\"]}"));
        assertTrue(matches("{\"source\": [\"other\", \"shop.orders\"], \"detail-type\": [\"OrderPlaced\"]}"));
        assertTrue(matches("{\"detail\": {\"customer\": {\"tier\": [\"gold\"]}}}"));
        assertTrue(matches("{\"detail\": {\"tags\": [\"express\"]}}"), "an array value matches when any element does");
        assertTrue(matches("{\"detail\": {\"total\": [250.50]}}"), "numbers compare as numbers");
        assertTrue(matches("{\"detail\": {\"coupon\": [null]}}"));
        assertFalse(matches("{\"source\": [\"shop.orders\"], \"detail-type\": [\"OrderShipped\"]}"), "every field must match");
        assertFalse(matches("{\"detail\": {\"customer\": {\"tier\": [\"silver\"]}}}"));
        assertFalse(matches("{\"detail\": {\"missing\": [\"x\"]}}"));
    }

    @Test
    void matches_shouldApplyOperators_prefixSuffixAnythingButExistsNumeric() throws Exception {
        assertTrue(matches("{\"source\": [{\"prefix\": \"shop.\"}]}"));
        assertFalse(matches("{\"source\": [{\"prefix\": \"audit.\"}]}"));
        assertTrue(matches("{\"source\": [{\"suffix\": \".orders\"}]}"));
        assertTrue(matches("{\"detail\": {\"status\": [{\"equals-ignore-case\": \"new\"}]}}"));
        assertTrue(matches("{\"detail\": {\"status\": [{\"anything-but\": [\"CANCELED\", \"DONE\"]}]}}"));
        assertFalse(matches("{\"detail\": {\"status\": [{\"anything-but\": \"NEW\"}]}}"));
        assertFalse(matches("{\"detail\": {\"status\": [{\"anything-but\": {\"prefix\": \"N\"}}]}}"));
        assertFalse(matches("{\"detail\": {\"missing\": [{\"anything-but\": \"x\"}]}}"), "anything-but needs the field");
        assertTrue(matches("{\"detail\": {\"id\": [{\"exists\": true}], \"missing\": [{\"exists\": false}]}}"));
        assertFalse(matches("{\"detail\": {\"id\": [{\"exists\": false}]}}"));
        assertTrue(matches("{\"detail\": {\"total\": [{\"numeric\": [\">\", 100, \"<=\", 250.5]}]}}"));
        assertFalse(matches("{\"detail\": {\"total\": [{\"numeric\": [\"<\", 100]}]}}"));
        assertFalse(matches("{\"detail\": {\"status\": [{\"numeric\": [\">\", 0]}]}}"), "numeric needs a number");
    }

    @Test
    void compile_shouldRefuseClearly_whenPatternUsesUnsupportedOrMalformedParts() throws Exception {
        JsonNode wildcard = JSON.readTree("{\"source\": [{\"wildcard\": \"shop.*\"}]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EventPattern.compile(wildcard));
        assertTrue(e.getMessage().contains("'wildcard' is not supported"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EventPattern.compile(JSON.readTree("{\"$or\": []}")));
        assertThrows(IllegalArgumentException.class, () -> EventPattern.compile(JSON.readTree("{\"source\": \"shop.orders\"}")));
        assertThrows(IllegalArgumentException.class, () -> EventPattern.compile(JSON.readTree("{}")));
    }
}
