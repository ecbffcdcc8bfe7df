package dev.cairn.local.template;

import java.util.Optional;

/**
 * A function's {@code Schedule} event: an EventBridge rule with a schedule expression.
 *
 * @param expression {@code rate(1 minute)} or {@code cron(...)}
 * @param input the constant JSON the rule sends, if set
 */
public record ScheduleEventSource(String name, String expression, boolean enabled, Optional<String> input) {}
