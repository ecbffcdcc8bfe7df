package dev.cairn.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.enums.v1.WorkflowIdConflictPolicy;
import dev.cairn.api.enums.v1.WorkflowIdReusePolicy;
import dev.cairn.client.WorkflowExecutionAlreadyStarted;
import dev.cairn.common.converter.Payloads;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.service.StartRequest;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a workflow for each EventBridge event it receives, exactly once per event: the workflow id
 * comes from the event, and the start rejects a duplicate id (reuse policy REJECT_DUPLICATE, conflict
 * policy USE_EXISTING), so a redelivered event, or one a retry sends again, starts nothing more.
 *
 * <p>Two forms of input:
 * <ul>
 *   <li>an event (a pattern rule without {@code Input}): the function's environment says what to start
 *       and where the id and the argument are in the event ({@link EventStartSettings});
 *   <li>a rule's constant {@code Input} naming the start (a schedule rule): {@code {"workflowType",
 *       "taskQueue"?, "workflowIdPrefix"?, "input"?: [args]}}. EventBridge passes that Input instead of
 *       the event, so the id is the prefix plus the minute the rule fired ({@code report-2026-11-26T06:00Z}):
 *       a duplicate delivery of one fire lands on the same id.
 * </ul>
 * Answers {@code {"workflowId", "runId", "started"}}; {@code started} is false for a duplicate.
 */
public final class EventStartHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final Logger log = LoggerFactory.getLogger(EventStartHandler.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CairnRuntime runtime;
  private final EventStartSettings settings;

  /** Lambda's constructor: the runtime and the settings come from the function's environment. */
  public EventStartHandler() {
    this(CairnRuntime.fromEnvironment(), System.getenv());
  }

  public EventStartHandler(CairnRuntime runtime, Map<String, String> environment) {
    this.runtime = runtime;
    this.settings = EventStartSettings.fromEnvironment(environment);
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    JsonNode e = JSON.valueToTree(event);
    StartRequest request = e.hasNonNull("workflowType") ? fromConstantInput(e) : fromEvent(e);
    Optional<ExecutionRecord> before = runtime.store().getCurrent(request.workflowId());
    WorkflowExecution execution;
    try {
      execution = runtime.service().start(request);
    } catch (WorkflowExecutionAlreadyStarted already) {
      execution = already.getExecution();
    }
    boolean started = before.map(r -> !r.key().runId().equals(runtime.store().getCurrent(request.workflowId())
        .map(c -> c.key().runId()).orElse(null))).orElse(true);
    if (started) {
      log.info("started workflow {} (type {}) run {}", execution.getWorkflowId(), request.workflowType(), execution.getRunId());
    } else {
      log.info("workflow {} was already started by this event (run {}): a duplicate delivery, nothing started",
          execution.getWorkflowId(), execution.getRunId());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("workflowId", execution.getWorkflowId());
    out.put("runId", execution.getRunId());
    out.put("started", started);
    return out;
  }

  private StartRequest fromEvent(JsonNode event) {
    if (settings.workflowType() == null) {
      throw new IllegalStateException("CAIRN_EVENT_WORKFLOW_TYPE is not set and the event names no workflowType: "
          + "set the function's environment, or give the rule a constant Input with \"workflowType\"");
    }
    JsonNode id = settings.workflowIdPath().read(event);
    if (!id.isValueNode() || id.asText().isBlank()) {
      throw new IllegalArgumentException("the event has no workflow id at " + settings.workflowIdPath()
          + " (CAIRN_EVENT_WORKFLOW_ID_PATH); event id " + event.path("id").asText("-"));
    }
    Payloads input = null;
    if (settings.inputPath() != null) {
      JsonNode value = settings.inputPath().read(event);
      if (value.isMissingNode()) {
        throw new IllegalArgumentException("the event has no input at " + settings.inputPath() + " (CAIRN_EVENT_INPUT_PATH)");
      }
      input = payloads(JSON.createArrayNode().add(value));
    }
    return start(settings.workflowIdPrefix() + id.asText(), settings.workflowType(), settings.taskQueue(), input);
  }

  private StartRequest fromConstantInput(JsonNode spec) {
    String minute = runtime.clock().instant().truncatedTo(ChronoUnit.MINUTES).toString();
    String id = spec.hasNonNull("workflowId") ? spec.get("workflowId").asText()
        : spec.path("workflowIdPrefix").asText("") + minute.substring(0, minute.length() - 4) + "Z";
    JsonNode input = spec.get("input");
    if (input != null && !input.isNull() && !input.isArray()) {
      throw new IllegalArgumentException("the rule's Input \"input\" must be an array of arguments, got " + input.getNodeType());
    }
    return start(id, spec.get("workflowType").asText(), spec.hasNonNull("taskQueue") ? spec.get("taskQueue").asText() : null,
        input == null || input.isNull() ? null : payloads(input));
  }

  private StartRequest start(String workflowId, String workflowType, String taskQueue, Payloads input) {
    return new StartRequest(workflowId, workflowType, taskQueue == null ? runtime.defaultTaskQueue() : taskQueue, input,
        WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE,
        WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING, null, null, null, null, null, null, null, null);
  }

  private Payloads payloads(JsonNode arguments) {
    Object[] args = new Object[arguments.size()];
    for (int i = 0; i < args.length; i++) {
      try {
        args[i] = JSON.treeToValue(arguments.get(i), Object.class);
      } catch (JsonProcessingException ex) {
        throw new IllegalArgumentException("argument " + i + " cannot be read: " + ex.getOriginalMessage());
      }
    }
    return runtime.dataConverter().toPayloads(args).orElse(null);
  }
}
