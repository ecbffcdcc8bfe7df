package dev.cairn.local.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Context} of one local invocation: what Lambda tells a handler about itself, with local
 * values (account 000000000000, region us-east-1, version $LATEST). The remaining time counts down
 * from the function's Timeout on the given clock; the logger writes to SLF4J under
 * {@code cairn.function.NAME}, where Lambda would write to CloudWatch Logs.
 */
public final class LocalContext implements Context {
    static final String ACCOUNT_ID = "000000000000";
    static final String REGION = "us-east-1";

    private final String requestId;
    private final String functionName;
    private final int memoryLimitMb;
    private final Instant deadline;
    private final Clock clock;
    private final LambdaLogger logger;

    public LocalContext(String requestId, String functionName, int memoryLimitMb, Instant deadline, Clock clock) {
        this.requestId = requestId;
        this.functionName = functionName;
        this.memoryLimitMb = memoryLimitMb;
        this.deadline = deadline;
        this.clock = clock;
        this.logger = new Slf4jLambdaLogger(LoggerFactory.getLogger("cairn.function." + functionName));
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local/[$LATEST]" + functionName;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT_ID + ":function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    /** Never negative: past the deadline Lambda would already have stopped the function. */
    @Override
    public int getRemainingTimeInMillis() {
        long millis = deadline.toEpochMilli() - clock.millis();
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, millis));
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryLimitMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    /** Lambda's logger over SLF4J; Lambda's log levels map to SLF4J's, FATAL to ERROR. */
    private record Slf4jLambdaLogger(Logger log) implements LambdaLogger {
        @Override
        public void log(String message) {
            log.info(message);
        }

        @Override
        public void log(byte[] message) {
            log.info(new String(message, StandardCharsets.UTF_8));
        }

        @Override
        public void log(String message, LogLevel level) {
            switch (level) {
                case TRACE -> log.trace(message);
                case DEBUG -> log.debug(message);
                case WARN -> log.warn(message);
                case ERROR, FATAL -> log.error(message);
                default -> log.info(message);
            }
        }
    }
}
