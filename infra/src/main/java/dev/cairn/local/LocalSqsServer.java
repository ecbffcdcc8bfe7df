package dev.cairn.local;

import dev.cairn.internal.local.Await;
import dev.cairn.internal.local.Ports;
import dev.cairn.internal.local.sqs.ElasticMqSettings;
import dev.cairn.internal.local.sqs.PersistedQueues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.elasticmq.server.ElasticMQServer;
import org.elasticmq.server.config.ElasticMQServerConfig;
import scala.Function0;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * ElasticMQ in this JVM, on 127.0.0.1, reached over HTTP by the ordinary SQS client
 * ({@link LocalClients#sqs(URI)} with {@link #endpoint()}). In memory, or persisted in a data
 * directory so that queued messages survive a restart or a kill -9 of the local runtime.
 *
 * <p>The constructor returns once the server answers and every queue it persisted has been restored.
 */
public final class LocalSqsServer implements AutoCloseable {
    /** ElasticMQ keeps one JDBC connection pool per JVM: two stores in one JVM would share it. */
    private static final AtomicReference<Path> PERSISTED_DIR = new AtomicReference<>();
    private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(30);

    private final int port;
    private final Optional<Path> dataDir;
    private final Set<String> restoredQueues;
    private final Duration startupTime;
    private Function0<?> stop;

    private LocalSqsServer(int port, Optional<Path> dataDir) {
        long started = System.nanoTime();
        this.port = port == 0 ? Ports.freeLoopbackPort() : port;
        this.dataDir = dataDir.map(d -> d.toAbsolutePath().normalize());
        this.dataDir.ifPresent(LocalSqsServer::claimStorage);
        this.restoredQueues = this.dataDir.map(PersistedQueues::names).orElse(Set.of());
        ElasticMQServer server = new ElasticMQServer(new ElasticMQServerConfig(ElasticMqSettings.config(this.port, this.dataDir)));
        this.stop = server.start();
        try {
            awaitRestored();
        } catch (RuntimeException | TimeoutException e) {
            close();
            throw new IllegalStateException("ElasticMQ on port " + this.port + " did not come up: " + e.getMessage(), e);
        }
        this.startupTime = Duration.ofNanos(System.nanoTime() - started);
    }

    /** An in-memory server on {@code port}, or on a free port when {@code port} is 0. */
    public static LocalSqsServer inMemory(int port) {
        return new LocalSqsServer(port, Optional.empty());
    }

    /** A server whose queues and messages live in {@code dataDir} (created if missing). */
    public static LocalSqsServer persisted(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LocalSqsServer(port, Optional.of(dataDir));
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public Optional<Path> dataDir() {
        return dataDir;
    }

    /** The queues found in the data directory at start (already restored when the constructor returned). */
    public Set<String> restoredQueues() {
        return restoredQueues;
    }

    /** From the constructor's call to a server that answers with every persisted queue. */
    public Duration startupTime() {
        return startupTime;
    }

    /** The URL ElasticMQ gives a queue of this name. */
    public String queueUrl(String queueName) {
        return endpoint() + "/" + ElasticMqSettings.ACCOUNT_ID + "/" + queueName;
    }

    private void awaitRestored() throws TimeoutException {
        try (SqsClient sqs = LocalClients.sqs(endpoint())) {
            Await.until(RESTORE_TIMEOUT, "ElasticMQ to answer", () -> {
                sqs.listQueues();
                return Optional.of(true);
            });
            for (String queue : restoredQueues) {
                Await.until(RESTORE_TIMEOUT, "queue " + queue + " to be restored",
                        () -> Optional.of(sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl()));
            }
        }
    }

    private static void claimStorage(Path dir) {
        Path previous = PERSISTED_DIR.compareAndExchange(null, dir);
        if (previous != null && !previous.equals(dir)) {
            throw new IllegalStateException("this JVM already persists ElasticMQ in " + previous
                    + "; ElasticMQ's connection pool is JVM-wide, so " + dir + " cannot be used alongside it");
        }
    }

    /** Stops the server (its HTTP port and its actor system); persisted messages stay on disk. */
    @Override
    public synchronized void close() {
        if (stop != null) {
            Function0<?> s = stop;
            stop = null;
            s.apply();
        }
    }

    @Override
    public String toString() {
        return "LocalSqsServer[" + endpoint() + dataDir.map(d -> ", " + d).orElse(", in memory") + "]";
    }
}
