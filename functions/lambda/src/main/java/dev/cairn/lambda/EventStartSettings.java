package dev.cairn.lambda;

import java.util.Map;

/**
 * How the event start function turns an EventBridge event into a start, from its environment:
 * <ul>
 *   <li>{@code CAIRN_EVENT_WORKFLOW_TYPE} (required) the workflow type to start;
 *   <li>{@code CAIRN_EVENT_TASK_QUEUE} its task queue (default: the runtime's default task queue);
 *   <li>{@code CAIRN_EVENT_WORKFLOW_ID_PATH} where the workflow id is in the event (default {@code $.id},
 *       EventBridge's event id, the same for every delivery of one event);
 *   <li>{@code CAIRN_EVENT_WORKFLOW_ID_PREFIX} put before it (default none);
 *   <li>{@code CAIRN_EVENT_INPUT_PATH} the value passed as the workflow's one argument (default
 *       {@code $.detail}; {@code none} for a workflow without arguments).
 * </ul>
 */
record EventStartSettings(String workflowType, String taskQueue, JsonPath workflowIdPath, String workflowIdPrefix,
    JsonPath inputPath) {

  static EventStartSettings fromEnvironment(Map<String, String> env) {
    String type = env.get("CAIRN_EVENT_WORKFLOW_TYPE");
    String input = env.getOrDefault("CAIRN_EVENT_INPUT_PATH", "$.detail");
    return new EventStartSettings(
        type == null || type.isBlank() ? null : type.trim(),
        blankToNull(env.get("CAIRN_EVENT_TASK_QUEUE")),
        JsonPath.parse(env.getOrDefault("CAIRN_EVENT_WORKFLOW_ID_PATH", "$.id")),
        env.getOrDefault("CAIRN_EVENT_WORKFLOW_ID_PREFIX", ""),
        input.equalsIgnoreCase("none") ? null : JsonPath.parse(input));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
