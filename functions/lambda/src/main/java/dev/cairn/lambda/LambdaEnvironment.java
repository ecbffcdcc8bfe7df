package dev.cairn.lambda;

import dev.cairn.internal.service.HistoryLimits;
import dev.cairn.internal.aws.dynamodb.DynamoDbHistoryStore;
import dev.cairn.internal.aws.dynamodb.DynamoDbStoreSettings;
import dev.cairn.internal.aws.s3.S3EventBlobs;
import dev.cairn.internal.aws.s3.PayloadOffload;
import dev.cairn.internal.aws.sqs.QueueRoutes;
import dev.cairn.internal.aws.sqs.SqsMessageVisibility;
import dev.cairn.internal.aws.sqs.SqsTaskDispatcher;
import dev.cairn.internal.store.HistoryStore;
import dev.cairn.internal.store.StoreJson;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds a Lambda container's runtime from its environment, once. The holder is initialised in the
 * function's init phase (the handler's constructor), so with SnapStart the clients, the registered
 * workers and the JSON mappers are in the snapshot; nothing here reads the clock or a random source
 * at that time (ids and "now" are read per call).
 *
 * <p>Variables: CAIRN_TABLE, CAIRN_DECISION_QUEUE_URL, CAIRN_ACTIVITY_QUEUE_URL,
 * CAIRN_TIMER_QUEUE_URL, CAIRN_TASK_QUEUE_URLS (optional), CAIRN_PAYLOAD_BUCKET,
 * CAIRN_MESSAGE_LIMIT_BYTES, CAIRN_MAX_PAYLOAD_BYTES, CAIRN_WORKERS, LOG_PAYLOADS; the SDK's own
 * AWS_REGION and AWS_ENDPOINT_URL(_*) (LocalStack, moto_server).
 */
final class LambdaEnvironment {
  private LambdaEnvironment() {}

  private static final class Holder {
    static final CairnRuntime RUNTIME = build(System.getenv(), Clock.systemUTC());
  }

  static CairnRuntime runtime() {
    return Holder.RUNTIME;
  }

  static CairnRuntime build(Map<String, String> env, Clock clock) {
    boolean customEndpoint = env.containsKey("AWS_ENDPOINT_URL") || env.containsKey("AWS_ENDPOINT_URL_S3");
    SqsClient sqs = SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    S3Client s3 = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
        // S3-compatible servers (LocalStack, s3proxy) serve buckets by path and reject trailing checksums
        .forcePathStyle(customEndpoint)
        .requestChecksumCalculation(customEndpoint ? RequestChecksumCalculation.WHEN_REQUIRED
            : RequestChecksumCalculation.WHEN_SUPPORTED)
        .responseChecksumValidation(customEndpoint ? ResponseChecksumValidation.WHEN_REQUIRED
            : ResponseChecksumValidation.WHEN_SUPPORTED)
        .build();
    DynamoDbClient dynamo = DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();

    QueueRoutes routes = QueueRoutes.fromEnvironment(env);
    PayloadOffload payloads = PayloadOffload.fromEnvironment(s3, env);
    WorkersClass workers = WorkersClass.named(required(env, "CAIRN_WORKERS"));
    CairnRuntime runtime = CairnRuntime.newBuilder()
        .setStore(dynamoDbStore(dynamo, required(env, "CAIRN_TABLE"), clock, s3, env))
        .setDispatcher(new SqsTaskDispatcher(sqs, routes, payloads, clock))
        .setPayloadOffload(payloads)
        .setMessageVisibility(new SqsMessageVisibility(sqs, routes))
        .setClock(clock)
        .setDefaultTaskQueue(workers.taskQueue())
        .setLogPayloads(Boolean.parseBoolean(env.getOrDefault("LOG_PAYLOADS", "false")))
        .setHistoryLimits(new HistoryLimits(
            Long.parseLong(env.getOrDefault("CAIRN_HISTORY_WARN_EVENTS", String.valueOf(HistoryLimits.DEFAULT.warnEvents()))),
            Long.parseLong(env.getOrDefault("CAIRN_HISTORY_MAX_EVENTS", String.valueOf(HistoryLimits.DEFAULT.maxEvents())))))
        .registerWorkers(workers::registerOn)
        .build();
    prime();
    return runtime;
  }

  /** Loads the task-message classes and Jackson's serializers into the snapshot; no I/O, no clock. */
  private static void prime() {
    StoreJson.taskFromJson("{\"v\":1,\"id\":\"p\",\"visibleAt\":\"1970-01-01T00:00:00Z\","
        + "\"task\":{\"type\":\"decision\",\"key\":{\"workflowId\":\"p\",\"runId\":\"p\"}}}");
  }

  /** Events over 64 KB go to the payload bucket by reference, up to CAIRN_MAX_PAYLOAD_BYTES. */
  private static HistoryStore dynamoDbStore(DynamoDbClient dynamo, String table, Clock clock, S3Client s3,
      Map<String, String> env) {
    String bucket = env.get("CAIRN_PAYLOAD_BUCKET");
    S3EventBlobs blobs = bucket == null || bucket.isBlank() ? null : new S3EventBlobs(s3, bucket,
        S3EventBlobs.DEFAULT_THRESHOLD,
        Long.parseLong(env.getOrDefault("CAIRN_MAX_PAYLOAD_BYTES", String.valueOf(PayloadOffload.DEFAULT_MAX_PAYLOAD))));
    return new DynamoDbHistoryStore(dynamo, table, clock, DynamoDbStoreSettings.defaults(), blobs);
  }

  private static String required(Map<String, String> env, String name) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException("environment variable " + name + " is not set");
    }
    return v;
  }
}
