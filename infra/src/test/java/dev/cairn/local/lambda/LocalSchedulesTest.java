package dev.cairn.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.cairn.internal.local.Await;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

class LocalSchedulesTest {

    record Sweeper(ConcurrentLinkedQueue<ScheduledEvent> fired) implements RequestHandler<ScheduledEvent, Void> {
        @Override
        public Void handleRequest(ScheduledEvent event, Context context) {
            fired.add(event);
            return null;
        }
    }

    record Raw(ConcurrentLinkedQueue<Map<String, Object>> got) implements RequestHandler<Map<String, Object>, Void> {
        @Override
        public Void handleRequest(Map<String, Object> input, Context context) {
            got.add(input);
            return null;
        }
    }

    @Test
    void start_shouldFireScheduledEventsRepeatedly_whenRateElapses() throws Exception {
        ConcurrentLinkedQueue<ScheduledEvent> fired = new ConcurrentLinkedQueue<>();
        LocalFunction sweeper = LocalFunction.of("SweeperFunction", Duration.ofSeconds(5), new Sweeper(fired), Clock.systemUTC());
        try (LocalSchedules schedules = LocalSchedules.start(List.of(new LocalSchedules.Schedule("SweeperFunctionSweep",
                new ScheduleExpression.Rate(Duration.ofMillis(50)), sweeper, Optional.empty())), Clock.systemUTC())) {
            Await.until(Duration.ofSeconds(10), "three fires", () -> fired.size() >= 3 ? Optional.of(true) : Optional.empty());
            assertEquals(true, schedules.fires("SweeperFunctionSweep") >= 3);
        }
        ScheduledEvent e = fired.peek();
        assertEquals("Scheduled Event", e.getDetailType());
        assertEquals("aws.events", e.getSource());
        assertEquals(List.of("arn:aws:events:us-east-1:000000000000:rule/SweeperFunctionSweep"), e.getResources());
        assertEquals(Map.of(), e.getDetail());
    }

    @Test
    void start_shouldSendConstantInput_whenRuleHasInput() throws Exception {
        ConcurrentLinkedQueue<Map<String, Object>> got = new ConcurrentLinkedQueue<>();
        LocalFunction function = LocalFunction.of("Reporter", Duration.ofSeconds(5), new Raw(got), Clock.systemUTC());
        try (LocalSchedules ignored = LocalSchedules.start(List.of(new LocalSchedules.Schedule("Report",
                new ScheduleExpression.Rate(Duration.ofMillis(20)), function, Optional.of("{\"report\": \"daily\"}"))), Clock.systemUTC())) {
            Map<String, Object> input = Await.until(Duration.ofSeconds(10), "a fire", () -> Optional.ofNullable(got.peek()));
            assertEquals(Map.of("report", "daily"), input);
        }
    }
}
