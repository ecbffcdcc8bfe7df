package dev.cairn.local.template;

import java.util.List;
import java.util.OptionalInt;

/**
 * A function's {@code SQS} event: the event-source mapping the local runtime emulates.
 *
 * @param queueLogicalId the queue the mapping polls
 * @param batchSize messages per invocation (SAM's default is 10)
 * @param functionResponseTypes contains ReportBatchItemFailures when the function reports partial failures
 */
public record SqsEventSource(
        String name,
        String queueLogicalId,
        int batchSize,
        OptionalInt maximumBatchingWindowInSeconds,
        List<String> functionResponseTypes,
        boolean enabled) {

    public boolean reportsBatchItemFailures() {
        return functionResponseTypes.contains("ReportBatchItemFailures");
    }
}
