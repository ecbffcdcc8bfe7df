package dev.cairn.internal.aws.dynamodb;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A DynamoDB endpoint for tests (JUnit 5 extension: {@code @ExtendWith(MotoServer.class)}). Uses
 * {@code AWS_ENDPOINT_URL_DYNAMODB} when set (what .ci/run exports); otherwise starts
 * {@code moto_server} on a free loopback port once per JVM when it is on the PATH; otherwise skips the
 * tests with a printed reason, except under {@code CI=true}, where a missing server fails them.
 * Other modules use it through cairn-aws's test-jar.
 */
public final class MotoServer implements BeforeAllCallback {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static URI endpoint;
  private static String unavailable;

  @Override
  public void beforeAll(ExtensionContext context) {
    URI uri = endpointOrNull();
    if (uri == null) {
      String reason = "DynamoDB tests skipped: " + unavailable;
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(reason.replace("skipped", "cannot run under CI=true"));
      }
      System.err.println(reason);
      Assumptions.abort(reason);
    }
  }

  /** The endpoint, starting moto_server if needed; null (with a reason kept) when there is none. */
  public static synchronized URI endpointOrNull() {
    if (endpoint != null || unavailable != null) {
      return endpoint;
    }
    String configured = System.getenv("AWS_ENDPOINT_URL_DYNAMODB");
    if (configured != null && !configured.isBlank()) {
      endpoint = URI.create(configured.trim());
      return endpoint;
    }
    Path executable = onPath("moto_server");
    if (executable == null) {
      unavailable = "AWS_ENDPOINT_URL_DYNAMODB is not set and moto_server is not on the PATH"
          + " (pip install \"moto[server]\" to run them)";
      return null;
    }
    try {
      endpoint = start(executable);
    } catch (IOException | RuntimeException e) {
      unavailable = "could not start " + executable + ": " + e.getMessage();
    }
    return endpoint;
  }

  /** The endpoint of a server the extension made available (call from tests it runs for). */
  public static URI endpoint() {
    URI uri = endpointOrNull();
    if (uri == null) {
      throw new IllegalStateException("no DynamoDB endpoint: " + unavailable);
    }
    return uri;
  }

  /**
   * A client of the endpoint with dummy credentials, the url-connection HTTP client and the given
   * interceptors. Requests go one at a time ({@link OneRequestAtATimeHttpClient}: moto loses
   * concurrent writes when a transaction fails), so a race test checks the store's conditions, not
   * moto's thread safety; the race still interleaves every read and commit of the racing writers.
   */
  public static DynamoDbClient newClient(ExecutionInterceptor... interceptors) {
    ClientOverrideConfiguration.Builder config = ClientOverrideConfiguration.builder();
    for (ExecutionInterceptor i : interceptors) {
      config.addExecutionInterceptor(i);
    }
    return DynamoDbClient.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(new OneRequestAtATimeHttpClient(UrlConnectionHttpClient.create()))
        .overrideConfiguration(config.build())
        .build();
  }

  private static URI start(Path executable) throws IOException {
    int port = freePort();
    Path log = Files.createTempFile("cairn-moto-", ".log");
    Process process = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop-moto_server"));
    URI uri = URI.create("http://127.0.0.1:" + port);
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (!answers(uri)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("moto_server exited with " + process.exitValue() + "; see " + log);
      }
      if (Instant.now().isAfter(deadline)) {
        process.destroy();
        throw new IllegalStateException("moto_server did not answer within " + START_TIMEOUT + "; see " + log);
      }
      try {
        Thread.sleep(100); // polling a starting server, bounded by the deadline
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for moto_server", e);
      }
    }
    System.err.println("MotoServer: started moto_server on " + uri + " (log " + log + ")");
    return uri;
  }

  private static boolean answers(URI uri) {
    try {
      HttpURLConnection c = (HttpURLConnection) uri.resolve("/").toURL().openConnection();
      c.setConnectTimeout(500);
      c.setReadTimeout(1000);
      try {
        return c.getResponseCode() > 0;
      } finally {
        c.disconnect();
      }
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static Path onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
