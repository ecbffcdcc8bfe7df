package dev.cairn.local;

import dev.cairn.local.template.QueueDefinition;
import dev.cairn.local.template.SamTemplate;
import dev.cairn.local.template.TemplateException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Creates the template's queues on a local SQS with the template's own attributes (visibility
 * timeout, retention, delay, redrive to the DLQ), so local and cloud run the same queue settings.
 * Queues are named by logical id. Idempotent: a queue that exists (from a previous run, restored
 * from disk) gets the template's current attributes instead.
 */
public final class QueueProvisioner {
    private final SqsClient sqs;

    public QueueProvisioner(SqsClient sqs) {
        this.sqs = sqs;
    }

    public ProvisionedQueues provision(SamTemplate template) {
        Map<String, String> urls = new LinkedHashMap<>();
        Map<String, String> arns = new LinkedHashMap<>();
        for (QueueDefinition queue : deadLetterQueuesFirst(template.queues())) {
            Map<String, String> attributes = new HashMap<>(queue.sqsAttributes());
            queue.redrive().ifPresent(r -> attributes.put("RedrivePolicy", redrivePolicy(arns, queue, r)));
            String url = createOrUpdate(queue.logicalId(), attributes);
            urls.put(queue.logicalId(), url);
            arns.put(queue.logicalId(), sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN));
        }
        return new ProvisionedQueues(urls, arns);
    }

    private String createOrUpdate(String name, Map<String, String> attributes) {
        String existing;
        try {
            existing = sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
        } catch (QueueDoesNotExistException e) {
            return sqs.createQueue(b -> b.queueName(name).attributesWithStrings(attributes)).queueUrl();
        }
        // CreateQueue with different attributes fails on an existing queue; set them instead, so a
        // changed template takes effect on a persisted local stack.
        if (!attributes.isEmpty()) {
            Map<String, String> settable = new HashMap<>(attributes);
            settable.remove("FifoQueue"); // fixed at creation
            sqs.setQueueAttributes(b -> b.queueUrl(existing).attributesWithStrings(settable));
        }
        return existing;
    }

    private static String redrivePolicy(Map<String, String> arns, QueueDefinition queue, QueueDefinition.Redrive redrive) {
        String dlqArn = arns.get(redrive.deadLetterQueueLogicalId());
        if (dlqArn == null) {
            throw new TemplateException(queue.logicalId() + " redrives to " + redrive.deadLetterQueueLogicalId() + ", which is no queue of the template");
        }
        return "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + redrive.maxReceiveCount() + "\"}";
    }

    /** A DLQ must exist (and have an ARN) before a queue can redrive to it. */
    static List<QueueDefinition> deadLetterQueuesFirst(List<QueueDefinition> queues) {
        Map<String, QueueDefinition> byId = new LinkedHashMap<>();
        queues.forEach(q -> byId.put(q.logicalId(), q));
        Set<String> ordered = new LinkedHashSet<>();
        for (QueueDefinition q : queues) {
            visit(q, byId, ordered, new LinkedHashSet<>());
        }
        List<QueueDefinition> out = new ArrayList<>();
        ordered.forEach(id -> out.add(byId.get(id)));
        return out;
    }

    private static void visit(QueueDefinition q, Map<String, QueueDefinition> byId, Set<String> ordered, Set<String> path) {
        if (ordered.contains(q.logicalId())) {
            return;
        }
        if (!path.add(q.logicalId())) {
            throw new TemplateException("redrive cycle through " + path);
        }
        q.redrive().map(r -> byId.get(r.deadLetterQueueLogicalId())).ifPresent(dlq -> visit(dlq, byId, ordered, path));
        ordered.add(q.logicalId());
    }
}
