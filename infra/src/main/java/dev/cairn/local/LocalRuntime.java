package dev.cairn.local;

import dev.cairn.lambda.CairnRuntime;
import dev.cairn.local.lambda.LocalFunction;
import dev.cairn.local.lambda.ScheduleExpression;
import dev.cairn.local.lambda.SqsEventSourceMapping;
import dev.cairn.local.template.FunctionDefinition;
import dev.cairn.local.template.SamTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local runtime ({@code ./cairn local}): ElasticMQ and s3proxy in this JVM, the template's
 * queues, the template's functions on a {@link CairnRuntime}, and their event sources (SQS mappings,
 * the REST API with {@code POST /events}, schedules), serving on {@code http://127.0.0.1:PORT}.
 */
public final class LocalRuntime implements AutoCloseable {
    /** The bucket the template's PayloadBucket is locally. */
    public static final String PAYLOAD_BUCKET = "cairn-payloads";
    private static final String SWEEPER = "SweeperFunction";

    private final List<AutoCloseable> resources; // closed in reverse order
    private final LocalEnvironment environment;
    private final LocalEventSources eventSources;

    private LocalRuntime(List<AutoCloseable> resources, LocalEnvironment environment, LocalEventSources eventSources) {
        this.resources = resources;
        this.environment = environment;
        this.eventSources = eventSources;
    }

    /**
     * Starts everything: servers, queues, bucket, the CairnRuntime from {@code factory}, one handler
     * per template function (built with that CairnRuntime), and the event sources.
     */
    public static LocalRuntime start(LocalRuntimeOptions options, CairnRuntimeFactory factory, Clock clock) throws Exception {
        return start(options, factory, clock, SqsEventSourceMapping.Settings.DEFAULT);
    }

    /**
     * As above, with the SQS mappings polling as {@code polling} says (tests use a short long-poll wait,
     * since closing waits for a long poll in progress to return).
     */
    public static LocalRuntime start(LocalRuntimeOptions options, CairnRuntimeFactory factory, Clock clock,
                                     SqsEventSourceMapping.Settings polling) throws Exception {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            SamTemplate template = SamTemplate.read(options.template());
            URI sqsEndpoint;
            URI s3Endpoint;
            if (options.awsEndpoint().isPresent()) {
                // LocalStack or another AWS endpoint serves the queues and the bucket
                sqsEndpoint = options.awsEndpoint().get();
                s3Endpoint = options.awsEndpoint().get();
            } else {
                Path s3Dir = options.dataDir().map(d -> d.resolve("s3")).orElseGet(LocalRuntime::temporaryS3Dir);
                LocalSqsServer sqsServer = options.dataDir()
                        .map(d -> LocalSqsServer.persisted(d.resolve("sqs"), 0))
                        .orElseGet(() -> LocalSqsServer.inMemory(0));
                resources.add(sqsServer);
                LocalS3Server s3Server = LocalS3Server.start(s3Dir, 0);
                resources.add(s3Server);
                if (options.inMemory()) {
                    resources.add(() -> deleteTree(s3Dir));
                }
                sqsEndpoint = sqsServer.endpoint();
                s3Endpoint = s3Server.endpoint();
            }
            SqsClient sqs = LocalClients.sqs(sqsEndpoint);
            resources.add(sqs);
            S3Client s3 = LocalClients.s3(s3Endpoint);
            resources.add(s3);
            ProvisionedQueues queues = new QueueProvisioner(sqs).provision(template);
            createBucket(s3, PAYLOAD_BUCKET);
            LocalEnvironment environment = new LocalEnvironment(options, template, sqsEndpoint, sqs,
                    s3Endpoint, s3, queues, PAYLOAD_BUCKET, clock);

            CairnRuntime runtime = factory.create(environment);
            if (runtime.store() instanceof AutoCloseable closeable) {
                resources.add(closeable);
            }
            Map<String, LocalFunction> functions = new LinkedHashMap<>();
            for (FunctionDefinition f : template.functions()) {
                functions.put(f.logicalId(), LocalFunction.instantiate(f, runtime, environment.functionEnvironment(f.logicalId()), clock));
            }
            Map<String, ScheduleExpression> overrides = new LinkedHashMap<>();
            options.sweepSchedule().ifPresent(s -> overrides.put(SWEEPER, s));
            LocalEventSources sources = LocalEventSources.start(template, queues, sqs, functions,
                    new LocalEventSources.Settings(options.port(), polling, overrides), clock);
            resources.add(sources);
            return new LocalRuntime(resources, environment, sources);
        } catch (Exception | Error e) {
            closeAll(resources, e);
            throw e;
        }
    }

    /** Where the API is served. */
    public URI url() {
        return eventSources.api().url();
    }

    /** Where the web UI is served (the API's server, at /ui). */
    public URI uiUrl() {
        return url().resolve("/ui");
    }

    public LocalEnvironment environment() {
        return environment;
    }

    public LocalEventSources eventSources() {
        return eventSources;
    }

    /** Stops the event sources (draining batches in flight), then the clients and servers. */
    @Override
    public synchronized void close() {
        closeAll(resources, null);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, CairnRuntimeFactory.installed(), new CountDownLatch(1)));
    }

    /**
     * Runs the command line until {@code stop} is released (main: never; the JVM's shutdown hook
     * closes the runtime). Returns the exit code: 0 after --help, 2 for a bad command line, 1 when the
     * runtime cannot start.
     */
    static int run(String[] args, PrintStream out, PrintStream err, Optional<CairnRuntimeFactory> factory, CountDownLatch stop) {
        LocalRuntimeOptions options;
        try {
            Optional<LocalRuntimeOptions> parsed = LocalRuntimeOptions.parse(args);
            if (parsed.isEmpty()) {
                out.print(LocalRuntimeOptions.USAGE);
                return 0;
            }
            options = parsed.get();
        } catch (LocalRuntimeOptions.UsageException e) {
            err.println("cairn local: " + e.getMessage());
            err.print(LocalRuntimeOptions.USAGE);
            return 2;
        }
        if (!Files.isRegularFile(options.template())) {
            err.println("cairn local: no template at " + options.template().toAbsolutePath() + " (use --template PATH)");
            return 2;
        }
        if (factory.isEmpty()) {
            err.println("cairn local: no " + CairnRuntimeFactory.class.getName() + " is installed (META-INF/services),"
                    + " so there is no store for the functions to run on");
            return 1;
        }
        LocalRuntime runtime;
        try {
            runtime = start(options, factory.get(), Clock.systemUTC());
        } catch (Exception e) {
            err.println("cairn local: could not start: " + e.getMessage());
            return 1;
        }
        Thread hook = new Thread(runtime::close, "cairn-local-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("Cairn local runtime on " + runtime.url()
                + options.dataDir().map(d -> " (state in " + d.toAbsolutePath().normalize() + ")").orElse(" (in memory)"));
        out.println("Web UI on " + runtime.uiUrl() + " (local only; the deployed API does not serve it)");
        if (options.demo()) {
            try {
                new DemoRunner(runtime.url(), out, Clock.systemUTC()).run();
            } catch (Exception e) {
                err.println("cairn local: the demo failed: " + e);
            }
            out.println("Cairn local runtime on " + runtime.url() + " (Ctrl-C to stop), web UI on " + runtime.uiUrl());
        }
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().removeShutdownHook(hook);
        runtime.close();
        return 0;
    }

    private static void createBucket(S3Client s3, String bucket) {
        try {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 409) { // 409: it exists, persisted from an earlier run
                throw e;
            }
        }
    }

    private static Path temporaryS3Dir() {
        try {
            return Files.createTempDirectory("cairn-s3-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void closeAll(List<AutoCloseable> resources, Throwable primary) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                if (primary != null) {
                    primary.addSuppressed(e);
                }
            }
        }
        resources.clear();
    }
}
