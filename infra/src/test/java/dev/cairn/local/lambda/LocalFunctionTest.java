package dev.cairn.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.cairn.lambda.CairnRuntime;
import dev.cairn.internal.store.InMemoryHistoryStore;
import dev.cairn.local.template.SamTemplate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LocalFunctionTest {
    private static final SamTemplate TEMPLATE = SamTemplate.parse("""
            Globals:
              Function:
                Timeout: 7
                MemorySize: 512
            Resources:
              EchoFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.cairn.local.lambda.LocalFunctionTest$ContextEcho::handleRequest
              MissingFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.cairn.lambda.NoSuchHandler::handleRequest
            """);

    /** Built as the local runtime builds Cairn's handlers: with the CairnRuntime. */
    public static final class ContextEcho implements RequestHandler<SQSEvent, List<Object>> {
        private final CairnRuntime runtime;

        public ContextEcho(CairnRuntime runtime) {
            this.runtime = runtime;
        }

        @Override
        public List<Object> handleRequest(SQSEvent event, Context context) {
            return List.of(context.getFunctionName(), context.getRemainingTimeInMillis(), context.getMemoryLimitInMB(),
                    context.getInvokedFunctionArn(), runtime.store() != null);
        }
    }

    private static CairnRuntime runtime() {
        return CairnRuntime.newBuilder().setStore(new InMemoryHistoryStore(Clock.systemUTC())).setDispatcher(tasks -> { }).build();
    }

    @Test
    void instantiate_shouldBuildHandlerWithRuntime_andInvokeWithContextFromTemplate() {
        Clock frozen = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        LocalFunction function = LocalFunction.instantiate(TEMPLATE.function("EchoFunction"), runtime(), frozen);

        assertEquals(SQSEvent.class, function.inputType());
        assertEquals(Duration.ofSeconds(7), function.timeout());
        assertEquals(List.of("EchoFunction", 7000, 512, "arn:aws:lambda:us-east-1:000000000000:function:EchoFunction", true),
                function.invoke(new SQSEvent()));
    }

    @Test
    void instantiate_shouldFailClearly_whenHandlerClassIsMissing() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LocalFunction.instantiate(TEMPLATE.function("MissingFunction"), runtime(), Clock.systemUTC()));
        assertTrue(e.getMessage().contains("dev.cairn.lambda.NoSuchHandler is not on the class path"), e.getMessage());
    }

    @Test
    void invoke_shouldReportTimeout_whenHandlerRunsPastTimeout() {
        CountDownLatch never = new CountDownLatch(1);
        LocalFunction slow = LocalFunction.of("Slow", Duration.ofMillis(100), (Object in, Context c) -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }, Clock.systemUTC());
        FunctionInvocationException e = assertThrows(FunctionInvocationException.class, () -> slow.invoke("x"));
        assertTrue(e.timedOut());
    }

    @Test
    void invoke_shouldCarryCause_whenHandlerThrows() {
        LocalFunction failing = LocalFunction.of("Failing", Duration.ofSeconds(5), (Object in, Context c) -> {
            throw new IllegalArgumentException("bad input");
        }, Clock.systemUTC());
        FunctionInvocationException e = assertThrows(FunctionInvocationException.class, () -> failing.invoke("x"));
        assertEquals(false, e.timedOut());
        assertEquals("bad input", e.getCause().getMessage());
    }
}
