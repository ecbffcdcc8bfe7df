package dev.cairn.internal.aws.s3;

import dev.cairn.internal.aws.dynamodb.EventBlobs;
import dev.cairn.internal.store.ExecutionKey;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** History events too large for DynamoDB, in the payload bucket under {@code history/}. */
public final class S3EventBlobs implements EventBlobs {
  /** Events above 64 KB go to S3: cheaper than their write units, and far from the 400 KB item limit. */
  public static final long DEFAULT_THRESHOLD = 64 * 1024;
  private static final String SCHEME = "s3://";

  private final S3Client s3;
  private final String bucket;
  private final long threshold;
  private final long max;

  public S3EventBlobs(S3Client s3, String bucket, long thresholdBytes, long maxBytes) {
    this.s3 = s3;
    this.bucket = bucket;
    this.threshold = thresholdBytes;
    this.max = maxBytes;
  }

  @Override public long thresholdBytes() { return threshold; }
  @Override public long maxBytes() { return max; }

  @Override
  public String put(ExecutionKey key, long eventId, String json) {
    String objectKey = "history/" + enc(key.workflowId()) + "/" + enc(key.runId()) + "/" + eventId + "-" + UUID.randomUUID() + ".json";
    s3.putObject(b -> b.bucket(bucket).key(objectKey).contentType("application/json"),
        RequestBody.fromString(json, StandardCharsets.UTF_8));
    return SCHEME + bucket + "/" + objectKey;
  }

  @Override
  public String get(String reference) {
    if (!reference.startsWith(SCHEME)) {
      throw new IllegalStateException("not an event reference: " + reference);
    }
    String rest = reference.substring(SCHEME.length());
    int slash = rest.indexOf('/');
    String b = rest.substring(0, slash);
    String k = rest.substring(slash + 1);
    return s3.getObjectAsBytes(r -> r.bucket(b).key(k)).asString(StandardCharsets.UTF_8);
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
