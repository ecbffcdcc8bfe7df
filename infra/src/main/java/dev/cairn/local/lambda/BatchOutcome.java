package dev.cairn.local.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which messages of a batch succeeded, read from a handler's return as Lambda reads it.
 *
 * <p>With ReportBatchItemFailures: no response, or no or an empty failure list, is complete success;
 * a failure naming no message id, an id not in the batch, or a return that is no
 * {@link SQSBatchResponse} is complete failure. Without it: returning is success, throwing is failure.
 */
record BatchOutcome(Set<String> succeeded, Set<String> failed, String reason) {

    static BatchOutcome of(List<String> batch, Object response, boolean reportsItemFailures) {
        if (!reportsItemFailures) {
            return success(batch);
        }
        if (response == null) {
            return success(batch);
        }
        if (!(response instanceof SQSBatchResponse r)) {
            return failure(batch, "the handler returned a " + response.getClass().getName() + ", not an SQSBatchResponse");
        }
        if (r.getBatchItemFailures() == null || r.getBatchItemFailures().isEmpty()) {
            return success(batch);
        }
        Set<String> failed = new java.util.LinkedHashSet<>();
        for (SQSBatchResponse.BatchItemFailure f : r.getBatchItemFailures()) {
            String id = f == null ? null : f.getItemIdentifier();
            if (id == null || id.isEmpty() || !batch.contains(id)) {
                return failure(batch, "batchItemFailures names '" + id + "', which is no message of the batch");
            }
            failed.add(id);
        }
        Set<String> succeeded = batch.stream().filter(id -> !failed.contains(id)).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        return new BatchOutcome(succeeded, failed, failed.size() + " of " + batch.size() + " reported failed");
    }

    static BatchOutcome failure(List<String> batch, String reason) {
        return new BatchOutcome(Set.of(), Set.copyOf(batch), reason);
    }

    private static BatchOutcome success(List<String> batch) {
        return new BatchOutcome(Set.copyOf(batch), Set.of(), "");
    }
}
