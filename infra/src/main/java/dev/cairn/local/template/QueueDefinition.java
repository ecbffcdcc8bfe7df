package dev.cairn.local.template;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An {@code AWS::SQS::Queue} of the template, with parameters resolved.
 *
 * @param logicalId the resource's logical id; the local runtime uses it as the queue name
 * @param redrive where messages go after too many receives, if the queue has a DLQ
 */
public record QueueDefinition(
        String logicalId,
        OptionalInt visibilityTimeout,
        OptionalInt messageRetentionPeriod,
        OptionalInt delaySeconds,
        OptionalInt maximumMessageSize,
        OptionalInt receiveMessageWaitTimeSeconds,
        boolean fifo,
        Optional<Redrive> redrive) {

    /** The RedrivePolicy: the DLQ's logical id and how many receives a message gets first. */
    public record Redrive(String deadLetterQueueLogicalId, int maxReceiveCount) {}

    /**
     * The queue's attributes as SQS's CreateQueue takes them, except RedrivePolicy, which needs the
     * DLQ's ARN where the queue is created (see {@link #redrive()}).
     */
    public Map<String, String> sqsAttributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        visibilityTimeout.ifPresent(v -> attributes.put("VisibilityTimeout", Integer.toString(v)));
        messageRetentionPeriod.ifPresent(v -> attributes.put("MessageRetentionPeriod", Integer.toString(v)));
        delaySeconds.ifPresent(v -> attributes.put("DelaySeconds", Integer.toString(v)));
        maximumMessageSize.ifPresent(v -> attributes.put("MaximumMessageSize", Integer.toString(v)));
        receiveMessageWaitTimeSeconds.ifPresent(v -> attributes.put("ReceiveMessageWaitTimeSeconds", Integer.toString(v)));
        if (fifo) {
            attributes.put("FifoQueue", "true");
        }
        return attributes;
    }
}
