package dev.cairn.local;

import dev.cairn.internal.aws.s3.PayloadOffload;
import dev.cairn.internal.aws.sqs.QueueRoutes;
import dev.cairn.internal.aws.sqs.SqsMessageVisibility;
import dev.cairn.internal.aws.sqs.SqsTaskDispatcher;
import dev.cairn.internal.service.TaskDispatcher;
import dev.cairn.internal.store.HistoryStore;
import dev.cairn.internal.store.InMemoryHistoryStore;
import dev.cairn.internal.store.sqlite.SqliteHistoryStore;
import dev.cairn.lambda.CairnRuntime;
import dev.cairn.internal.service.HistoryLimits;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The local runtime's {@link CairnRuntime}: the SQLite store in the data directory (memory with
 * {@code --in-memory}; DynamoDB with {@code --dynamodb-endpoint}), the SQS dispatcher on ElasticMQ with
 * S3 offload on s3proxy, and the workers the template's CAIRN_WORKERS names. The same classes as in
 * Lambda, built from the same variables the template gives the functions.
 */
public final class EmbeddedRuntimeFactory implements CairnRuntimeFactory {
  private HistoryLimits historyLimits;
  private static final String DECISION_FUNCTION = "DecisionFunction";

  private final UnaryOperator<TaskDispatcher> dispatcherDecorator;
  private final UnaryOperator<HistoryStore> storeDecorator;
  private final String workersClass;

  /** For {@code java -jar} (ServiceLoader). */
  public EmbeddedRuntimeFactory() {
    this(UnaryOperator.identity(), UnaryOperator.identity());
  }

  /** Tests inject faults around the dispatcher and the store (a crash between commit and send). */
  public EmbeddedRuntimeFactory(UnaryOperator<TaskDispatcher> dispatcherDecorator, UnaryOperator<HistoryStore> storeDecorator) {
    this(dispatcherDecorator, storeDecorator, null);
  }

  /**
   * As above, with the workers class to register instead of CAIRN_WORKERS (the environment's, else
   * the template's); null for that default.
   */
  public EmbeddedRuntimeFactory(UnaryOperator<TaskDispatcher> dispatcherDecorator, UnaryOperator<HistoryStore> storeDecorator,
      String workersClass) {
    this.dispatcherDecorator = dispatcherDecorator;
    this.storeDecorator = storeDecorator;
    this.workersClass = workersClass;
  }

  /**
   * Sets the history limits instead of the template's CAIRN_HISTORY_WARN_EVENTS and
   * CAIRN_HISTORY_MAX_EVENTS (Temporal's defaults without them): low limits let a test reach them.
   */
  public EmbeddedRuntimeFactory withHistoryLimits(HistoryLimits limits) {
    this.historyLimits = limits;
    return this;
  }

  private HistoryLimits historyLimits(Map<String, String> vars) {
    if (historyLimits != null) {
      return historyLimits;
    }
    return new HistoryLimits(
        Long.parseLong(vars.getOrDefault("CAIRN_HISTORY_WARN_EVENTS", String.valueOf(HistoryLimits.DEFAULT.warnEvents()))),
        Long.parseLong(vars.getOrDefault("CAIRN_HISTORY_MAX_EVENTS", String.valueOf(HistoryLimits.DEFAULT.maxEvents()))));
  }

  @Override
  public CairnRuntime create(LocalEnvironment env) throws Exception {
    Map<String, String> vars = env.functionEnvironment(DECISION_FUNCTION);
    QueueRoutes routes = QueueRoutes.fromEnvironment(vars);
    PayloadOffload payloads = new PayloadOffload(env.s3(), env.payloadBucket(), PayloadOffload.SQS_MESSAGE_LIMIT,
        PayloadOffload.DEFAULT_MAX_PAYLOAD);
    String workers = workersClass != null ? workersClass
        : System.getenv().getOrDefault("CAIRN_WORKERS", vars.get("CAIRN_WORKERS"));
    CairnRuntime.Builder builder = CairnRuntime.newBuilder();
    // a faster sweep also re-sends sooner: on loopback a commit reaches its send in milliseconds
    env.options().sweepInterval().ifPresent(builder::setSweepGrace);
    return builder
        .setStore(storeDecorator.apply(store(env)))
        .setDispatcher(dispatcherDecorator.apply(new SqsTaskDispatcher(env.sqs(), routes, payloads, env.clock())))
        .setPayloadOffload(payloads)
        .setMessageVisibility(new SqsMessageVisibility(env.sqs(), routes))
        .setClock(env.clock())
        .setHistoryLimits(historyLimits(vars))
        .registerWorkersClass(workers)
        .build();
  }

  private static HistoryStore store(LocalEnvironment env) {
    LocalRuntimeOptions o = env.options();
    if (o.dynamodbEndpoint().isPresent()) {
      return DynamoDbStores.open(o.dynamodbEndpoint().get(), env.tableName("CairnTable"), env.clock(), env.s3(),
          env.payloadBucket());
    }
    return o.dataDir().<HistoryStore>map(dir -> new SqliteHistoryStore(dir, env.clock()))
        .orElseGet(() -> new InMemoryHistoryStore(env.clock()));
  }
}
