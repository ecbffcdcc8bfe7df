package dev.cairn.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.local.ProjectPaths;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules of the fixed design that no schema knows. */
class TemplateRulesTest {

    @Test
    void queues_shouldStayInvisibleSixTimesTheConsumerTimeout_whenConsumedByFunction() throws Exception {
        SamTemplate template = SamTemplate.read(ProjectPaths.template());
        int mappings = 0;
        for (FunctionDefinition f : template.functions()) {
            for (SqsEventSource event : f.sqsEvents()) {
                mappings++;
                int visibility = template.queue(event.queueLogicalId()).visibilityTimeout().orElse(30);
                assertTrue(visibility >= 6 * f.timeoutSeconds(),
                        event.queueLogicalId() + " VisibilityTimeout " + visibility + " < 6 x " + f.logicalId() + " Timeout " + f.timeoutSeconds());
                assertTrue(event.reportsBatchItemFailures(), f.logicalId() + " must report batch item failures");
            }
        }
        assertEquals(3, mappings);
    }

    @Test
    void queues_shouldEachHaveOwnDeadLetterQueue_whenTheyCarryTasks() throws Exception {
        SamTemplate template = SamTemplate.read(ProjectPaths.template());
        for (String queue : List.of("DecisionQueue", "ActivityQueue", "TimerQueue")) {
            QueueDefinition q = template.queue(queue);
            QueueDefinition dlq = template.queue(q.redrive().orElseThrow().deadLetterQueueLogicalId());
            assertEquals(1_209_600, dlq.messageRetentionPeriod().getAsInt(), dlq.logicalId());
            assertTrue(dlq.messageRetentionPeriod().getAsInt() > q.messageRetentionPeriod().orElse(345_600),
                    "a DLQ must keep messages longer than its source: " + queue);
        }
    }
}
