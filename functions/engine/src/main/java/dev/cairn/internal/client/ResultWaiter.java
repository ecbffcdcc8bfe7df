package dev.cairn.internal.client;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Blocks a client until a condition on the store holds; the test runtime skips time meanwhile. */
public interface ResultWaiter {
  boolean await(BooleanSupplier done, Duration timeout) throws InterruptedException;
}
