package dev.cairn.internal.client;

import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of Temporal's list filter that the store can answer: {@code Field = 'value'} clauses
 * joined by AND. WorkflowId, WorkflowType and ExecutionStatus are the run's own fields; any other
 * name is a search attribute. Public so that the HTTP client turns the same query into list parameters.
 */
public record VisibilityQuery(String workflowId, String workflowType, WorkflowExecutionStatus status,
    Map<String, Object> searchAttributes) {
  private static final Pattern CLAUSE = Pattern.compile(
      "\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(?:'([^']*)'|\"([^\"]*)\"|(-?\\d+)|(true|false))\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern AND = Pattern.compile("\\s+AND\\s+", Pattern.CASE_INSENSITIVE);

  public static VisibilityQuery parse(String query) {
    String workflowId = null;
    String workflowType = null;
    WorkflowExecutionStatus status = null;
    Map<String, Object> attributes = new LinkedHashMap<>();
    if (query != null && !query.isBlank()) {
      for (String clause : AND.split(query.trim())) {
        Matcher m = CLAUSE.matcher(clause);
        if (!m.matches()) {
          throw new IllegalArgumentException("cannot read \"" + clause + "\" in list query \"" + query
              + "\": use Field = 'value' clauses joined by AND (e.g. WorkflowId = 'order-1' AND ExecutionStatus = 'Running')");
        }
        String field = m.group(1);
        Object value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3)
            : m.group(4) != null ? (Object) Long.parseLong(m.group(4)) : (Object) Boolean.parseBoolean(m.group(5));
        switch (field) {
          case "WorkflowId" -> workflowId = String.valueOf(value);
          case "WorkflowType" -> workflowType = String.valueOf(value);
          case "ExecutionStatus" -> status = status(String.valueOf(value));
          default -> attributes.put(field, value);
        }
      }
    }
    return new VisibilityQuery(workflowId, workflowType, status, attributes.isEmpty() ? null : Map.copyOf(attributes));
  }

  /** Temporal spells statuses ContinuedAsNew, TimedOut; the enum's short names are CONTINUED_AS_NEW, TIMED_OUT. */
  private static WorkflowExecutionStatus status(String name) {
    String snake = name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    return WorkflowExecutionStatus.fromShortName(snake);
  }
}
