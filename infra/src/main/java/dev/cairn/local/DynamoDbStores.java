package dev.cairn.local;

import dev.cairn.internal.aws.dynamodb.CairnTableDefinition;
import dev.cairn.internal.aws.dynamodb.DynamoDbHistoryStore;
import dev.cairn.internal.aws.dynamodb.OneRequestAtATimeHttpClient;
import dev.cairn.internal.store.HistoryStore;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The history store on a DynamoDB endpoint ({@code --dynamodb-endpoint}: moto_server, LocalStack,
 * AWS), its table created from the template's definition when absent.
 */
final class DynamoDbStores {
  private DynamoDbStores() {}

  static HistoryStore open(URI endpoint, String table, Clock clock, software.amazon.awssdk.services.s3.S3Client s3,
      String bucket) {
    boolean loopback = isLoopback(endpoint);
    SdkHttpClient http = UrlConnectionHttpClient.create();
    DynamoDbClient dynamo = DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(System.getenv("AWS_REGION") != null ? Region.of(System.getenv("AWS_REGION")) : Region.US_EAST_1)
        // An emulator on loopback takes any credentials; a real endpoint gets the user's own.
        .credentialsProvider(loopback ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
            : DefaultCredentialsProvider.builder().build())
        // moto_server applies a transaction by copying the table and restoring it on failure, which
        // loses concurrent writes: emulators on loopback get one request at a time.
        .httpClient(loopback ? new OneRequestAtATimeHttpClient(http) : http)
        .build();
    CairnTableDefinition.createIfAbsent(dynamo, table, Duration.ofSeconds(60), clock);
    // events over 64 KB go to the local payload bucket, as they go to the template's bucket in the cloud
    return new DynamoDbHistoryStore(dynamo, table, clock, dev.cairn.internal.aws.dynamodb.DynamoDbStoreSettings.defaults(),
        new dev.cairn.internal.aws.s3.S3EventBlobs(s3, bucket, dev.cairn.internal.aws.s3.S3EventBlobs.DEFAULT_THRESHOLD,
            dev.cairn.internal.aws.s3.PayloadOffload.DEFAULT_MAX_PAYLOAD));
  }

  private static boolean isLoopback(URI endpoint) {
    try {
      return endpoint.getHost() != null && InetAddress.getByName(endpoint.getHost()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
