package dev.cairn.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.internal.local.Await;
import dev.cairn.local.template.SamTemplate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** ElasticMQ persisted in a data directory: queues and messages outlive the server. */
class PersistedSqsTest {
    private static final int MESSAGES = 20;

    @Test
    void start_shouldRestoreQueuesAndMessages_whenRestartedOnSameDataDirectory(@TempDir Path dir) throws Exception {
        SamTemplate template = SamTemplate.read(ProjectPaths.template());
        Set<String> sent = new TreeSet<>();
        try (LocalSqsServer server = LocalSqsServer.persisted(dir.resolve("sqs"), 0);
             SqsClient sqs = LocalClients.sqs(server.endpoint())) {
            System.out.printf("ElasticMQ (persisted, empty) started in %d ms%n", server.startupTime().toMillis());
            assertEquals(Set.of(), server.restoredQueues());
            String url = new QueueProvisioner(sqs).provision(template).url("ActivityQueue");
            for (int i = 0; i < MESSAGES; i++) {
                String body = "task-" + i;
                sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
                sent.add(body);
            }
        }

        try (LocalSqsServer server = LocalSqsServer.persisted(dir.resolve("sqs"), 0);
             SqsClient sqs = LocalClients.sqs(server.endpoint())) {
            System.out.printf("ElasticMQ (persisted, %d queues) restarted in %d ms%n", server.restoredQueues().size(), server.startupTime().toMillis());
            assertEquals(6, server.restoredQueues().size(), server.restoredQueues().toString());
            // Provisioning again must neither fail nor disturb the restored queues.
            String url = new QueueProvisioner(sqs).provision(template).url("ActivityQueue");
            Set<String> received = new TreeSet<>();
            Await.until(Duration.ofSeconds(20), "all " + MESSAGES + " messages back", () -> {
                for (Message m : sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
                    received.add(m.body());
                    sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
                }
                return received.size() == MESSAGES ? Optional.of(true) : Optional.empty();
            });
            assertEquals(sent, received);
        }
    }
}
