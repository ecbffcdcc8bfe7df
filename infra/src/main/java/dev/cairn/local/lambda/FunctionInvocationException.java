package dev.cairn.local.lambda;

/**
 * An invocation that did not return a result: the handler threw (the cause), or it ran past the
 * function's Timeout. Event sources treat both as Lambda does: the whole event failed.
 */
public final class FunctionInvocationException extends RuntimeException {
    private final boolean timedOut;

    FunctionInvocationException(String message, Throwable cause, boolean timedOut) {
        super(message, cause);
        this.timedOut = timedOut;
    }

    public boolean timedOut() {
        return timedOut;
    }
}
