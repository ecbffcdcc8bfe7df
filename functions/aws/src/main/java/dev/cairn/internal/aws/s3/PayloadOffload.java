package dev.cairn.internal.aws.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.internal.store.PayloadTooLargeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Keeps queue messages under the queue's size limit (invariant 8): a body over the limit is stored in
 * S3 whole and the message carries a small pointer, {@code {"v":1,"s3":{"bucket":..,"key":..},"bytes":N}},
 * which {@link #fromMessageBody} resolves, so consumers never see the difference. A body over the
 * configured maximum is refused with {@link PayloadTooLargeException}; nothing is ever truncated.
 */
public final class PayloadOffload {
  /** SQS's classic message limit, also the limit of a whole SendMessageBatch. */
  public static final int SQS_MESSAGE_LIMIT = 256 * 1024;
  /** Refused beyond this unless configured otherwise: 10 MiB. */
  public static final long DEFAULT_MAX_PAYLOAD = 10L * 1024 * 1024;
  public static final int POINTER_VERSION = 1;

  private static final ObjectMapper JSON = new ObjectMapper();
  /** A pointer is a few hundred bytes; anything longer is a message body, not a pointer. */
  private static final int MAX_POINTER_CHARS = 2048;

  private final S3Client s3;
  private final String bucket;
  private final int messageLimitBytes;
  private final long maxPayloadBytes;

  /**
   * @param s3 null together with {@code bucket} for no offload: bodies over the limit are refused
   * @param messageLimitBytes bodies up to this many UTF-8 bytes stay inline
   * @param maxPayloadBytes bodies over this are refused
   */
  public PayloadOffload(S3Client s3, String bucket, int messageLimitBytes, long maxPayloadBytes) {
    if ((s3 == null) != (bucket == null || bucket.isBlank())) {
      throw new IllegalArgumentException("an S3 client and a bucket go together");
    }
    if (messageLimitBytes <= MAX_POINTER_CHARS) {
      throw new IllegalArgumentException("message limit " + messageLimitBytes + " leaves no room for a pointer");
    }
    this.s3 = s3;
    this.bucket = s3 == null ? null : bucket;
    this.messageLimitBytes = messageLimitBytes;
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /** No bucket: every body must fit in a message. */
  public static PayloadOffload inlineOnly(int messageLimitBytes) {
    return new PayloadOffload(null, null, messageLimitBytes, messageLimitBytes);
  }

  /**
   * From CAIRN_PAYLOAD_BUCKET (none: inline only), CAIRN_MESSAGE_LIMIT_BYTES (default 262144) and
   * CAIRN_MAX_PAYLOAD_BYTES (default 10485760).
   */
  public static PayloadOffload fromEnvironment(S3Client s3, Map<String, String> env) {
    String bucket = env.get("CAIRN_PAYLOAD_BUCKET");
    int limit = Integer.parseInt(env.getOrDefault("CAIRN_MESSAGE_LIMIT_BYTES", String.valueOf(SQS_MESSAGE_LIMIT)));
    if (bucket == null || bucket.isBlank()) {
      return inlineOnly(limit);
    }
    long max = Long.parseLong(env.getOrDefault("CAIRN_MAX_PAYLOAD_BYTES", String.valueOf(DEFAULT_MAX_PAYLOAD)));
    return new PayloadOffload(s3, bucket, limit, max);
  }

  public int messageLimitBytes() {
    return messageLimitBytes;
  }

  /** Bodies over this are refused (the message limit when there is no bucket to offload to). */
  public long maxPayloadBytes() {
    return maxPayloadBytes;
  }

  /**
   * The body to send: {@code body} itself when it fits, else a pointer to it stored under
   * {@code objectKey} (a stable key: re-sending the same task overwrites the same object).
   *
   * @throws PayloadTooLargeException over the maximum, or over the limit with no bucket configured
   */
  public String toMessageBody(String objectKey, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= messageLimitBytes) {
      return body;
    }
    if (s3 == null) {
      throw new PayloadTooLargeException("task message (no CAIRN_PAYLOAD_BUCKET to offload it to)", bytes.length,
          messageLimitBytes);
    }
    if (bytes.length > maxPayloadBytes) {
      throw new PayloadTooLargeException("task message", bytes.length, maxPayloadBytes);
    }
    s3.putObject(b -> b.bucket(bucket).key(objectKey).contentType("application/json").contentLength((long) bytes.length),
        RequestBody.fromBytes(bytes));
    ObjectNode pointer = JSON.createObjectNode();
    pointer.put("v", POINTER_VERSION);
    pointer.putObject("s3").put("bucket", bucket).put("key", objectKey);
    pointer.put("bytes", bytes.length);
    return pointer.toString();
  }

  /** The body as sent: a pointer is replaced by the object it points at, anything else is returned as is. */
  public String fromMessageBody(String body) {
    if (body == null || body.length() > MAX_POINTER_CHARS || !body.contains("\"s3\"")) {
      return body;
    }
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (IOException e) {
      return body; // not JSON: the consumer reports it as malformed
    }
    JsonNode ref = node == null ? null : node.get("s3");
    if (ref == null || !ref.isObject() || node.has("task")) {
      return body;
    }
    if (node.path("v").asInt(-1) != POINTER_VERSION) {
      throw new IllegalArgumentException("payload pointer version " + node.path("v") + " is not supported");
    }
    if (s3 == null) {
      throw new IllegalStateException("message points at S3 object " + ref + " but no S3 client is configured");
    }
    // a missing object (expired, deleted) throws: the message goes to its DLQ after its retries, kept for an operator
    ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> b.bucket(ref.path("bucket").asText())
        .key(ref.path("key").asText()));
    return object.asUtf8String();
  }
}
