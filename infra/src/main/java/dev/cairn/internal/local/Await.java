package dev.cairn.internal.local;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Waits for a condition with a deadline, polling. For servers whose readiness is only visible from
 * outside (ElasticMQ restores persisted queues after its HTTP port is open).
 */
public final class Await {
    private static final Duration POLL = Duration.ofMillis(20);

    private Await() {}

    /** The first present value {@code probe} returns; a probe that throws counts as "not yet". */
    public static <T> T until(Duration timeout, String what, Supplier<Optional<T>> probe) throws TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (true) {
            try {
                Optional<T> value = probe.get();
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (RuntimeException e) {
                last = e;
            }
            if (System.nanoTime() - deadline > 0) {
                TimeoutException timeoutException = new TimeoutException("gave up after " + timeout + " waiting for " + what);
                if (last != null) {
                    timeoutException.initCause(last);
                }
                throw timeoutException;
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }
}
