package dev.cairn.tests.support;

import dev.cairn.internal.aws.dynamodb.MotoServer;
import dev.cairn.internal.service.HistoryLimits;
import dev.cairn.internal.service.TaskDispatcher;
import dev.cairn.internal.store.HistoryStore;
import dev.cairn.local.EmbeddedRuntimeFactory;
import dev.cairn.local.LocalRuntime;
import dev.cairn.local.LocalRuntimeOptions;
import dev.cairn.local.lambda.SqsEventSourceMapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The whole local stack in this JVM ({@link LocalRuntime#start}: SQLite or DynamoDB on moto_server,
 * ElasticMQ, s3proxy, the template's functions and REST API) on a free port, with a fast outbox sweep.
 * A JUnit 5 extension ({@code @RegisterExtension static final EmbeddedStack stack = EmbeddedStack.sqlite().build();}
 * starts it before the class's tests and stops it after), or started and closed by hand.
 *
 * <p>ElasticMQ's persistence is JVM-wide, so every stack of this JVM keeps its state in one temporary
 * data directory; stacks run one after another and their workflow ids never repeat.
 */
public final class EmbeddedStack implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
  /** Short, so a task left unsent is re-sent within a couple of seconds. */
  public static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);

  /** A one-second long poll: closing a stack waits for the polls in progress to return. */
  private static final SqsEventSourceMapping.Settings POLLING = new SqsEventSourceMapping.Settings(2, 1, Duration.ofSeconds(30));

  private final Builder settings;
  private LocalRuntime runtime;
  private CairnHttp api;

  private EmbeddedStack(Builder settings) {
    this.settings = settings;
  }

  /** The local default: the SQLite store. */
  public static Builder sqlite() {
    return new Builder(false);
  }

  /** The DynamoDB store on moto_server (skipped without one, failed under CI=true). */
  public static Builder dynamoDb() {
    return new Builder(true);
  }

  /**
   * DynamoDB, SQS and S3 all at {@code endpoint} (moto_server, LocalStack, AWS): the local runtime's
   * {@code --aws-endpoint}, so the same functions run on another implementation of each service.
   */
  public static Builder awsEndpoint(java.util.function.Supplier<java.net.URI> endpoint) {
    Builder b = new Builder(false);
    b.awsEndpoint = endpoint;
    return b;
  }

  public static final class Builder {
    private final boolean dynamoDb;
    private java.util.function.Supplier<java.net.URI> awsEndpoint;
    private UnaryOperator<TaskDispatcher> dispatcher = UnaryOperator.identity();
    private UnaryOperator<HistoryStore> store = UnaryOperator.identity();
    private String workersClass = E2eWorkers.class.getName();
    private HistoryLimits historyLimits;

    private Builder(boolean dynamoDb) {
      this.dynamoDb = dynamoDb;
    }

    /** Wraps the SQS task dispatcher (fault injection, capturing what is sent). */
    public Builder dispatcher(UnaryOperator<TaskDispatcher> decorator) {
      this.dispatcher = decorator;
      return this;
    }

    /** Wraps the history store. */
    public Builder store(UnaryOperator<HistoryStore> decorator) {
      this.store = decorator;
      return this;
    }

    /** History limits lower than Temporal's defaults, so that a test run reaches them. */
    public Builder historyLimits(long warnEvents, long maxEvents) {
      this.historyLimits = new HistoryLimits(warnEvents, maxEvents);
      return this;
    }

    public Builder workers(Class<?> workersClass) {
      this.workersClass = workersClass.getName();
      return this;
    }

    /** A stack to register as an extension (started before all tests) or to {@link #start()}. */
    public EmbeddedStack build() {
      return new EmbeddedStack(this);
    }

    public EmbeddedStack start() {
      EmbeddedStack stack = build();
      stack.open();
      return stack;
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (settings.dynamoDb) {
      new MotoServer().beforeAll(context); // skips, or fails under CI=true, without moto_server
    }
    open();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  private synchronized void open() {
    if (runtime != null) {
      throw new IllegalStateException("already started");
    }
    List<String> args = new ArrayList<>(List.of("--port", "0", "--data-dir", dataDirectory().toString(),
        "--template", ProjectFiles.template().toString(), "--sweep-interval", SWEEP_INTERVAL.toString()));
    if (settings.dynamoDb) {
      args.addAll(List.of("--dynamodb-endpoint", MotoServer.endpoint().toString()));
    }
    if (settings.awsEndpoint != null) {
      args.addAll(List.of("--aws-endpoint", settings.awsEndpoint.get().toString()));
    }
    long started = System.nanoTime();
    try {
      LocalRuntimeOptions options = LocalRuntimeOptions.parse(args.toArray(String[]::new)).orElseThrow();
      runtime = LocalRuntime.start(options,
          factory(), Clock.systemUTC(),
          POLLING);
    } catch (Exception e) {
      throw new IllegalStateException("the embedded stack did not start: " + e.getMessage(), e);
    }
    api = new CairnHttp(runtime.url());
    System.err.printf("embedded stack (%s) on %s started in %d ms%n", settings.awsEndpoint != null ? "AWS endpoint" : settings.dynamoDb ? "DynamoDB" : "SQLite",
        runtime.url(), (System.nanoTime() - started) / 1_000_000);
  }

  private EmbeddedRuntimeFactory factory() {
    EmbeddedRuntimeFactory factory = new EmbeddedRuntimeFactory(settings.dispatcher, settings.store, settings.workersClass);
    return settings.historyLimits == null ? factory : factory.withHistoryLimits(settings.historyLimits);
  }

  public CairnHttp api() {
    return requireStarted().api;
  }

  public LocalRuntime runtime() {
    return requireStarted().runtime;
  }

  /** A client of the stack's ElasticMQ, as the runtime itself uses it. */
  public SqsClient sqs() {
    return runtime().environment().sqs();
  }

  /** The URLs of the template's queues (DLQs included), as provisioned locally. */
  public List<String> queueUrls() {
    return List.copyOf(runtime().environment().queues().urls().values());
  }

  public boolean onDynamoDb() {
    return settings.dynamoDb;
  }

  private EmbeddedStack requireStarted() {
    if (runtime == null) {
      throw new IllegalStateException("the embedded stack is not started");
    }
    return this;
  }

  @Override
  public synchronized void close() {
    if (runtime != null) {
      long started = System.nanoTime();
      runtime.close();
      runtime = null;
      System.err.printf("embedded stack stopped in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }
  }

  private static Path dataDir;

  /** This JVM's data directory, deleted when the JVM exits. */
  public static synchronized Path dataDirectory() {
    if (dataDir == null) {
      try {
        dataDir = Files.createTempDirectory("cairn-e2e-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Path dir = dataDir;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "delete-e2e-data"));
    }
    return dataDir;
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.err.println("could not delete " + dir + ": " + e);
    }
  }
}
