package dev.cairn.local.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Lambda's SQS event source mapping, locally: pollers long-poll one queue, hand each batch to the
 * function as an {@link SQSEvent}, and delete what succeeded. What failed is left alone, as Lambda
 * leaves it: it comes back when the queue's visibility timeout ends, and the queue's redrive policy
 * (enforced by the SQS server) moves it to the DLQ after maxReceiveCount receives.
 *
 * <p>A batch is what one ReceiveMessage returns: at most 10 messages, however large BatchSize is
 * (Lambda gathers bigger batches over MaximumBatchingWindowInSeconds; this mapping does not).
 */
public final class SqsEventSourceMapping implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SqsEventSourceMapping.class);
    private static final int MAX_RECEIVE = 10;

    /**
     * How a mapping polls.
     *
     * @param pollers concurrent pollers on the queue (each invokes the function with its own batches)
     * @param waitTimeSeconds ReceiveMessage's long-poll wait, 1 to 20
     * @param stopTimeout how long {@link #close()} waits for batches in flight
     */
    public record Settings(int pollers, int waitTimeSeconds, Duration stopTimeout) {
        public static final Settings DEFAULT = new Settings(2, 10, Duration.ofSeconds(30));

        public Settings {
            if (pollers < 1) {
                throw new IllegalArgumentException("pollers must be at least 1, got " + pollers);
            }
            if (waitTimeSeconds < 1 || waitTimeSeconds > 20) {
                throw new IllegalArgumentException("waitTimeSeconds must be 1 to 20, got " + waitTimeSeconds);
            }
        }
    }

    /**
     * What a mapping connects.
     *
     * @param name for logs and thread names, e.g. {@code DecisionFunction/DecisionTasks}
     * @param batchSize BatchSize of the event (more than 10 is received 10 at a time)
     * @param reportsBatchItemFailures the event's FunctionResponseTypes has ReportBatchItemFailures
     */
    public record Source(String name, String queueUrl, String queueArn, int batchSize, boolean reportsBatchItemFailures) {
        public Source {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
            }
        }
    }

    private final SqsClient sqs;
    private final Source source;
    private static final int MAX_LEASE_SECONDS = 30;
    private final LocalFunction function;
    private final int leaseSeconds;
    private final Settings settings;
    private final String region;
    private final List<Poller> pollers = new ArrayList<>();
    private final AtomicLong invocations = new AtomicLong();
    private volatile boolean running;

    private SqsEventSourceMapping(SqsClient sqs, Source source, LocalFunction function, Settings settings, String region) {
        this.sqs = sqs;
        this.source = source;
        this.function = function;
        this.settings = settings;
        this.region = region;
        this.leaseSeconds = leaseSeconds(sqs, source.queueUrl(), function.timeout());
    }

    /**
     * Locally a received batch is leased for at most 30 s (less if the queue's visibility timeout or
     * its function's Timeout is shorter), not for the queue's visibility timeout alone (6x the Timeout
     * in the template, AWS's advice for Lambda's own retries): after a kill -9 of the runtime, a batch
     * that no handler had taken yet comes back within the lease. A handler that needs longer says so
     * itself at once (an activity attempt holds its message for the attempt's timeout; heartbeats
     * extend it).
     */
    private static int leaseSeconds(SqsClient sqs, String queueUrl, java.time.Duration functionTimeout) {
        int queueVisibility = Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(software.amazon.awssdk.services.sqs.model.QueueAttributeName.VISIBILITY_TIMEOUT))
                .attributes().getOrDefault(software.amazon.awssdk.services.sqs.model.QueueAttributeName.VISIBILITY_TIMEOUT, "30"));
        return (int) Math.min(Math.min(queueVisibility, MAX_LEASE_SECONDS), functionTimeout.toSeconds() + 5);
    }

    /** Starts polling at once; {@link #close()} stops. */
    public static SqsEventSourceMapping start(SqsClient sqs, Source source, LocalFunction function, Settings settings) {
        SqsEventSourceMapping mapping = new SqsEventSourceMapping(sqs, source, function, settings, LocalContext.REGION);
        mapping.running = true;
        for (int i = 0; i < settings.pollers(); i++) {
            Poller poller = mapping.new Poller();
            mapping.pollers.add(poller);
            poller.thread = Thread.ofVirtual().name("sqs-" + source.name() + "-" + i).start(poller);
        }
        return mapping;
    }

    public Source source() {
        return source;
    }

    /** Invocations of the function so far (batches handed over, whatever their outcome). */
    public long invocations() {
        return invocations.get();
    }

    /**
     * Stops receiving, waits up to the stop timeout for batches in flight to finish (and be deleted),
     * then interrupts what is left. Pollers waiting in a long poll are interrupted at once.
     */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        pollers.forEach(Poller::interruptIfReceiving);
        long deadline = System.nanoTime() + settings.stopTimeout().toNanos();
        for (Poller p : pollers) {
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !p.thread.join(Duration.ofNanos(left))) {
                    log.warn("{}: a batch was still running after {}; interrupting it", source.name(), settings.stopTimeout());
                    p.thread.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private final class Poller implements Runnable {
        private Thread thread;
        private boolean receiving;

        @Override
        public void run() {
            while (running) {
                List<Message> batch = receive();
                if (batch.isEmpty()) {
                    continue;
                }
                synchronized (this) {
                    receiving = false;
                    Thread.interrupted(); // an interrupt meant for the long poll, which returned anyway
                }
                if (!running) {
                    release(batch);
                    return;
                }
                handle(batch);
            }
        }

        private List<Message> receive() {
            synchronized (this) {
                if (!running) {
                    return List.of();
                }
                receiving = true;
            }
            try {
                return sqs.receiveMessage(b -> b.queueUrl(source.queueUrl())
                        .maxNumberOfMessages(Math.min(MAX_RECEIVE, source.batchSize()))
                        .waitTimeSeconds(settings.waitTimeSeconds())
                        .visibilityTimeout(leaseSeconds)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                        .messageAttributeNames("All")).messages();
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("{}: receive from {} failed: {}", source.name(), source.queueUrl(), e.toString());
                    pause();
                }
                return List.of();
            }
        }

        synchronized void interruptIfReceiving() {
            if (receiving) {
                thread.interrupt();
            }
        }

        /** After a failed receive (the server restarting): not a busy loop. */
        private void pause() {
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void handle(List<Message> batch) {
        List<String> ids = batch.stream().map(Message::messageId).toList();
        SQSEvent event = SqsEvents.of(batch, source.queueArn(), region);
        invocations.incrementAndGet();
        BatchOutcome outcome;
        try {
            Object response = function.invoke(event);
            outcome = BatchOutcome.of(ids, response, source.reportsBatchItemFailures());
        } catch (FunctionInvocationException e) {
            log.warn("{}: batch of {} failed, left for redelivery: {}", source.name(), ids.size(), e.getMessage(), e.getCause());
            return;
        }
        if (!outcome.failed().isEmpty()) {
            log.info("{}: {} message(s) left for redelivery ({})", source.name(), outcome.failed().size(), outcome.reason());
        }
        delete(batch.stream().filter(m -> outcome.succeeded().contains(m.messageId())).toList());
    }

    private void delete(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                    .receiptHandle(messages.get(i).receiptHandle()).build());
        }
        try {
            DeleteMessageBatchResponse response = sqs.deleteMessageBatch(b -> b.queueUrl(source.queueUrl()).entries(entries));
            // A message whose visibility ran out while the function ran may be another receiver's now; it comes back, as on AWS.
            response.failed().forEach(f -> log.warn("{}: delete failed ({}): {}", source.name(), f.code(), f.message()));
        } catch (RuntimeException e) {
            log.warn("{}: delete of {} message(s) failed; they will be redelivered: {}", source.name(), messages.size(), e.toString());
        }
    }

    /** Messages received while stopping go back at once rather than after a full visibility timeout. */
    private void release(List<Message> messages) {
        List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i))
                    .receiptHandle(messages.get(i).receiptHandle()).visibilityTimeout(0).build());
        }
        try {
            sqs.changeMessageVisibilityBatch(b -> b.queueUrl(source.queueUrl()).entries(entries));
        } catch (RuntimeException e) {
            log.debug("{}: could not release {} message(s) on stop: {}", source.name(), messages.size(), e.toString());
        }
    }

    @Override
    public String toString() {
        return "SqsEventSourceMapping[" + source.name() + " -> " + function.name() + "]";
    }
}
