package dev.cairn.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.internal.local.Await;
import dev.cairn.local.template.SamTemplate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** ElasticMQ in memory, queues provisioned from the real template.yaml, through the SDK's SQS client. */
class LocalSqsServerTest {
    private static LocalSqsServer server;
    private static SqsClient sqs;
    private static ProvisionedQueues queues;

    @BeforeAll
    static void start() throws Exception {
        server = LocalSqsServer.inMemory(0);
        System.out.printf("ElasticMQ (in memory) started in %d ms on %s%n", server.startupTime().toMillis(), server.endpoint());
        sqs = LocalClients.sqs(server.endpoint());
        // Two receives before the DLQ, so the redrive test stays short; everything else as in the template.
        SamTemplate template = SamTemplate.read(ProjectPaths.template()).withParameters(Map.of("MaxReceiveCount", "2"));
        queues = new QueueProvisioner(sqs).provision(template);
    }

    @AfterAll
    static void stop() {
        if (sqs != null) {
            sqs.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void provision_shouldCreateQueuesWithTemplateAttributes_whenTemplateIsRead() {
        assertEquals(List.of("ActivityDeadLetterQueue", "ActivityQueue", "DecisionDeadLetterQueue", "DecisionQueue",
                "TimerDeadLetterQueue", "TimerQueue"), queues.urls().keySet().stream().sorted().toList());
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queues.url("ActivityQueue"))
                .attributeNames(QueueAttributeName.ALL)).attributes();
        assertEquals("1800", attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT));
        // ElasticMQ 1.7.1 accepts MessageRetentionPeriod but neither keeps nor enforces it: locally, messages never expire.
        assertEquals(null, attributes.get(QueueAttributeName.MESSAGE_RETENTION_PERIOD));
        String redrive = attributes.get(QueueAttributeName.REDRIVE_POLICY);
        assertTrue(redrive.contains(queues.arn("ActivityDeadLetterQueue")), redrive);
        assertTrue(redrive.replace("\"", "").contains("maxReceiveCount:2"), redrive);
        assertEquals("arn:aws:sqs:us-east-1:000000000000:ActivityQueue", queues.arn("ActivityQueue"));
        assertEquals(server.queueUrl("ActivityQueue"), queues.url("ActivityQueue"));
    }

    @Test
    void provision_shouldKeepQueues_whenRunAgain() {
        ProvisionedQueues again = new QueueProvisioner(sqs).provision(
                SamTemplate.parse(templateText()).withParameters(Map.of("MaxReceiveCount", "2")));
        assertEquals(queues, again);
    }

    @Test
    void receive_shouldDeliverOnlyAfterDelay_whenMessageIsDelayed() throws Exception {
        String url = queues.url("TimerQueue");
        long sent = System.nanoTime();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("timer-1").delaySeconds(1));
        assertEquals(List.of(), sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(0)).messages());

        Message message = Await.until(Duration.ofSeconds(10), "the delayed message", () ->
                sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages().stream().findFirst());
        long waitedMs = (System.nanoTime() - sent) / 1_000_000;
        assertEquals("timer-1", message.body());
        assertTrue(waitedMs >= 900, "delivered after " + waitedMs + " ms, before its 1 s delay");

        sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
        Map<QueueAttributeName, String> counts = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        assertEquals(List.of("0", "0", "0"), List.of(counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
                counts.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)));
    }

    @Test
    void receive_shouldMoveMessageToDeadLetterQueue_whenReceivedMaxReceiveCountTimes() throws Exception {
        String url = queues.url("DecisionQueue");
        String dlq = queues.url("DecisionDeadLetterQueue");
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("poison"));

        int receives = 0;
        for (int i = 0; i < 2; i++) {
            // A crashed consumer: the message is received, never deleted, and visible again at once.
            Message m = Await.until(Duration.ofSeconds(10), "receive " + (i + 1), () ->
                    sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1).visibilityTimeout(0)
                            .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                            .messages().stream().findFirst());
            receives++;
            assertEquals(String.valueOf(receives), m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
        }
        // The next receive finds the count spent and moves the message instead of delivering it.
        assertEquals(List.of(), sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages());
        Message dead = Await.until(Duration.ofSeconds(10), "the message in the DLQ", () ->
                sqs.receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(1)).messages().stream().findFirst());
        assertEquals("poison", dead.body());
        sqs.deleteMessage(b -> b.queueUrl(dlq).receiptHandle(dead.receiptHandle()));
    }

    private static String templateText() {
        try {
            return java.nio.file.Files.readString(ProjectPaths.template());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
