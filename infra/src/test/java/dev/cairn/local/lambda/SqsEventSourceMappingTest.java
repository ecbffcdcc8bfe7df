package dev.cairn.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.cairn.internal.local.Await;
import dev.cairn.local.LocalClients;
import dev.cairn.local.LocalSqsServer;
import dev.cairn.local.ProvisionedQueues;
import dev.cairn.local.QueueProvisioner;
import dev.cairn.local.template.SamTemplate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The SQS event source mapping against ElasticMQ, with queues provisioned from a template whose
 * visibility timeout is 1 s and maxReceiveCount 2, so redelivery and the DLQ happen within seconds.
 */
class SqsEventSourceMappingTest {
    private static final String TEMPLATE = """
            Resources:
              Tasks%1$s:
                Type: AWS::SQS::Queue
                Properties:
                  VisibilityTimeout: 1
                  RedrivePolicy:
                    deadLetterTargetArn: !GetAtt TasksDlq%1$s.Arn
                    maxReceiveCount: 2
              TasksDlq%1$s:
                Type: AWS::SQS::Queue
            """;
    private static LocalSqsServer server;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        server = LocalSqsServer.inMemory(0);
        sqs = LocalClients.sqs(server.endpoint());
    }

    @AfterAll
    static void stop() {
        sqs.close();
        server.close();
    }

    /** A delivery as the handler saw it. */
    record Delivery(String body, String receiveCount, String messageId) {}

    @Test
    void mapping_shouldRedeliverOnlyReportedFailure_andMoveItToDlqAfterMaxReceiveCount() throws Exception {
        ProvisionedQueues queues = provision("A");
        send(queues.url("TasksA"), "ok-1", "bad", "ok-2");
        ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<SQSEvent.SQSMessage> records = new ConcurrentLinkedQueue<>();
        RequestHandler<SQSEvent, SQSBatchResponse> handler = (event, context) -> {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage m : event.getRecords()) {
                records.add(m);
                deliveries.add(new Delivery(m.getBody(), m.getAttributes().get("ApproximateReceiveCount"), m.getMessageId()));
                if (m.getBody().equals("bad")) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
                }
            }
            return new SQSBatchResponse(failures);
        };

        try (SqsEventSourceMapping mapping = start(queues, "TasksA", handler, true)) {
            Message dead = Await.until(Duration.ofSeconds(20), "the failing message in the DLQ", () ->
                    sqs.receiveMessage(b -> b.queueUrl(queues.url("TasksDlqA")).waitTimeSeconds(1)).messages().stream().findFirst());
            assertEquals("bad", dead.body());
        }

        assertEquals(List.of("1", "2"), deliveries.stream().filter(d -> d.body().equals("bad")).map(Delivery::receiveCount).toList(),
                "the failing message comes back once per visibility timeout, with its receive count");
        assertEquals(List.of("1"), deliveries.stream().filter(d -> d.body().equals("ok-1")).map(Delivery::receiveCount).toList());
        assertEquals(List.of("1"), deliveries.stream().filter(d -> d.body().equals("ok-2")).map(Delivery::receiveCount).toList());
        assertEquals("0", queueDepth(queues.url("TasksA")), "nothing left in the source queue");
        SQSEvent.SQSMessage first = records.peek();
        assertEquals(queues.arn("TasksA"), first.getEventSourceArn());
        assertEquals("aws:sqs", first.getEventSource());
        assertEquals("us-east-1", first.getAwsRegion());
        assertNotNull(first.getAttributes().get("SentTimestamp"));
        assertNotNull(first.getReceiptHandle());
        assertNotNull(first.getMd5OfBody());
    }

    @Test
    void mapping_shouldRedeliverWholeBatch_whenHandlerThrows() throws Exception {
        ProvisionedQueues queues = provision("B");
        send(queues.url("TasksB"), "m-1", "m-2");
        ConcurrentLinkedQueue<List<Delivery>> batches = new ConcurrentLinkedQueue<>();
        AtomicBoolean thrown = new AtomicBoolean();
        RequestHandler<SQSEvent, SQSBatchResponse> handler = (event, context) -> {
            batches.add(event.getRecords().stream()
                    .map(m -> new Delivery(m.getBody(), m.getAttributes().get("ApproximateReceiveCount"), m.getMessageId())).toList());
            if (thrown.compareAndSet(false, true)) {
                throw new IllegalStateException("crash on the first batch");
            }
            return null; // no failures reported: the whole batch succeeded
        };

        try (SqsEventSourceMapping mapping = start(queues, "TasksB", handler, true)) {
            Await.until(Duration.ofSeconds(20), "every message handled and deleted", () ->
                    batches.size() >= 2 && queueDepth(queues.url("TasksB")).equals("0") && inFlight(queues.url("TasksB")).equals("0")
                            ? Optional.of(true) : Optional.empty());
        }
        // Every message of the crashed batch came back once more (receive count 2); no other message did.
        List<String> crashed = batches.peek().stream().map(Delivery::body).sorted().toList();
        List<String> again = batches.stream().skip(1).flatMap(List::stream).filter(d -> d.receiveCount().equals("2"))
                .map(Delivery::body).sorted().toList();
        assertEquals(crashed, again);
        assertEquals(List.of("m-1", "m-2"), batches.stream().flatMap(List::stream).map(Delivery::body).distinct().sorted().toList());
        assertEquals("0", queueDepth(queues.url("TasksDlqB")));
    }

    @Test
    void mapping_shouldFailWholeBatch_whenReportedIdIsNotInBatch() {
        List<String> batch = List.of("m1", "m2");
        BatchOutcome outcome = BatchOutcome.of(batch, new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("other"))), true);
        assertEquals(java.util.Set.of("m1", "m2"), outcome.failed());
        assertEquals(java.util.Set.of("m1", "m2"), BatchOutcome.of(batch, "not a batch response", true).failed());
        assertEquals(java.util.Set.of("m1", "m2"), BatchOutcome.of(batch, new SQSBatchResponse(List.of()), true).succeeded());
        // Without ReportBatchItemFailures a returned failure list means nothing: the invocation succeeded.
        assertEquals(java.util.Set.of("m1", "m2"), BatchOutcome.of(batch,
                new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("m1"))), false).succeeded());
    }

    @Test
    void provision_shouldSetVisibilityTimeoutAndRedrivePolicy_fromTemplate() {
        ProvisionedQueues queues = provision("C");
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(queues.url("TasksC"))
                .attributeNames(QueueAttributeName.ALL)).attributes();
        assertEquals("1", a.get(QueueAttributeName.VISIBILITY_TIMEOUT));
        String redrive = a.get(QueueAttributeName.REDRIVE_POLICY).replace("\"", "");
        assertTrue(redrive.contains(queues.arn("TasksDlqC")) && redrive.contains("maxReceiveCount:2"), redrive);
    }

    private static ProvisionedQueues provision(String suffix) {
        return new QueueProvisioner(sqs).provision(SamTemplate.parse(TEMPLATE.formatted(suffix)));
    }

    private static SqsEventSourceMapping start(ProvisionedQueues queues, String queue, RequestHandler<?, ?> handler, boolean reportFailures) {
        LocalFunction function = LocalFunction.of("TasksFunction", Duration.ofSeconds(30), handler, Clock.systemUTC());
        return SqsEventSourceMapping.start(sqs,
                new SqsEventSourceMapping.Source("TasksFunction/Tasks", queues.url(queue), queues.arn(queue), 10, reportFailures),
                function, new SqsEventSourceMapping.Settings(2, 1, Duration.ofSeconds(10)));
    }

    private static void send(String url, String... bodies) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody(bodies[i]).build());
        }
        sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries));
    }

    private static String queueDepth(String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
    }

    private static String inFlight(String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
    }
}
