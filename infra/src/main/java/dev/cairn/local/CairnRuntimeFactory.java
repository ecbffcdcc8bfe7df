package dev.cairn.local;

import dev.cairn.lambda.CairnRuntime;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Builds the {@link CairnRuntime} the template's handlers run on, from the local environment (its
 * queues, bucket, data directory, and the DynamoDB endpoint when one was given). This is where the
 * store (SQLite, or DynamoDB with {@code --dynamodb-endpoint}), the SQS dispatcher and the registered
 * workers come together for the local runtime.
 *
 * <p>{@code LocalRuntime.main} uses the implementation registered under
 * {@code META-INF/services/dev.cairn.local.CairnRuntimeFactory}; tests and embedders pass one to
 * {@link LocalRuntime#start(LocalRuntimeOptions, CairnRuntimeFactory, java.time.Clock)}.
 */
@FunctionalInterface
public interface CairnRuntimeFactory {
    CairnRuntime create(LocalEnvironment environment) throws Exception;

    /** The one implementation on the class path, if any. */
    static Optional<CairnRuntimeFactory> installed() {
        return ServiceLoader.load(CairnRuntimeFactory.class).findFirst();
    }
}
