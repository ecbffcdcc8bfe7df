package dev.cairn.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::Function} with the template's Globals applied, as Lambda will run it.
 *
 * @param environment variable name to its unresolved value (a string, or an intrinsic such as
 *     {@code {"Ref": "DecisionQueue"}}); {@link SamTemplate#environment(FunctionDefinition, ResourceBindings)}
 *     resolves them
 */
public record FunctionDefinition(
        String logicalId,
        String handler,
        String runtime,
        int timeoutSeconds,
        int memorySizeMb,
        Map<String, JsonNode> environment,
        List<SqsEventSource> sqsEvents,
        List<ApiEventSource> apiEvents,
        List<ScheduleEventSource> scheduleEvents,
        List<EventRuleSource> eventRules) {

    /** The handler's class name ({@code dev.cairn.lambda.DecisionHandler}). */
    public String handlerClass() {
        int colons = handler.indexOf("::");
        return colons < 0 ? handler : handler.substring(0, colons);
    }

    /** The handler's method name, {@code handleRequest} when the handler names none. */
    public String handlerMethod() {
        int colons = handler.indexOf("::");
        return colons < 0 ? "handleRequest" : handler.substring(colons + 2);
    }
}
