package dev.cairn.internal.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** ElasticMQ in memory on a free loopback port, with a client that records the requests it sends. */
public final class LoopbackSqs implements AutoCloseable {
  private final SQSRestServer server;
  private final int port;
  private final List<SdkRequest> requests = java.util.Collections.synchronizedList(new ArrayList<>());
  private final SqsClient client;
  private volatile java.util.function.UnaryOperator<SdkRequest> rewrite = r -> r;

  public LoopbackSqs() {
    this.port = freePort();
    this.server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port).start();
    server.waitUntilStarted();
    this.client = SqsClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
          @Override
          public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            requests.add(context.request());
          }

          @Override
          public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            return rewrite.apply(context.request());
          }
        }))
        .build();
  }

  public SqsClient client() {
    return client;
  }

  public String createQueue(String name) {
    return client.createQueue(b -> b.queueName(name)).queueUrl();
  }

  /** Requests of one type the client sent, in order. */
  public <T extends SdkRequest> List<T> requests(Class<T> type) {
    synchronized (requests) {
      return requests.stream().filter(type::isInstance).map(type::cast).toList();
    }
  }

  public void clearRequests() {
    requests.clear();
  }

  /**
   * Changes requests before they are sent (null: no change), to make the real server refuse some of
   * a batch's entries as it refuses bad input.
   */
  public void rewriteRequests(java.util.function.UnaryOperator<SdkRequest> rewrite) {
    this.rewrite = rewrite == null ? r -> r : rewrite;
  }

  @Override
  public void close() {
    client.close();
    server.stopAndWait();
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
