package dev.cairn.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A function's {@code EventBridgeRule} or {@code CloudWatchEvent} event: an EventBridge rule with an
 * event pattern whose target is the function.
 *
 * @param pattern the rule's event pattern as JSON (intrinsics resolved with parameters only)
 * @param input the constant JSON the rule sends instead of the event, if set
 */
public record EventRuleSource(String name, JsonNode pattern, boolean enabled, Optional<String> input) {}
