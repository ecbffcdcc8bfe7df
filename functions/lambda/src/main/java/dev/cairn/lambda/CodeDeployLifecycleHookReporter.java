package dev.cairn.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * CodeDeploy's {@code PutLifecycleEventHookExecutionStatus}, the one call a hook makes: a JSON 1.1
 * request signed with the SDK's own SigV4 signer and sent with the url-connection client the other
 * adapters use. Not the SDK's {@code codedeploy} module: the registry this project builds from
 * offers it only at an older release than the rest of the SDK (mixing releases is unsupported), and
 * the whole module would serve this one request.
 *
 * <p>Endpoint: AWS_ENDPOINT_URL_CODEDEPLOY, else AWS_ENDPOINT_URL, else the region's public endpoint.
 */
public final class CodeDeployLifecycleHookReporter implements LifecycleHookReporter {
  static final String TARGET = "CodeDeploy_20141006.PutLifecycleEventHookExecutionStatus";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SdkHttpClient http;
  private final AwsCredentialsProvider credentials;
  private final String region;
  private final URI endpoint;

  public CodeDeployLifecycleHookReporter(SdkHttpClient http, AwsCredentialsProvider credentials, String region, URI endpoint) {
    this.http = http;
    this.credentials = credentials;
    this.region = region;
    this.endpoint = endpoint;
  }

  /** From the function's environment: its region, role credentials and endpoint settings. */
  public static CodeDeployLifecycleHookReporter fromEnvironment(Map<String, String> env) {
    String region = env.getOrDefault("AWS_REGION", env.get("AWS_DEFAULT_REGION"));
    if (region == null || region.isBlank()) {
      throw new IllegalStateException("AWS_REGION is not set: cannot tell CodeDeploy how the hook ended");
    }
    String override = env.getOrDefault("AWS_ENDPOINT_URL_CODEDEPLOY", env.get("AWS_ENDPOINT_URL"));
    URI endpoint = override != null && !override.isBlank() ? URI.create(override) : publicEndpoint(region);
    return new CodeDeployLifecycleHookReporter(UrlConnectionHttpClient.builder().build(),
        DefaultCredentialsProvider.builder().build(), region, endpoint);
  }

  static URI publicEndpoint(String region) {
    var metadata = Region.of(region).metadata();
    String dnsSuffix = metadata == null ? "amazonaws.com" : metadata.partition().dnsSuffix();
    return URI.create("https://codedeploy." + region + "." + dnsSuffix);
  }

  @Override
  public void report(String deploymentId, String lifecycleEventHookExecutionId, Status status) {
    String body = JSON.createObjectNode()
        .put("deploymentId", deploymentId)
        .put("lifecycleEventHookExecutionId", lifecycleEventHookExecutionId)
        .put("status", status.name())
        .toString();
    SdkHttpRequest request = SdkHttpRequest.builder()
        .method(SdkHttpMethod.POST)
        .uri(endpoint)
        .encodedPath(endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath())
        .putHeader("Content-Type", "application/x-amz-json-1.1")
        .putHeader("X-Amz-Target", TARGET)
        .build();
    SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
        .identity(credentials.resolveCredentials())
        .request(request)
        .payload(ContentStreamProvider.fromUtf8String(body))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "codedeploy")
        .putProperty(AwsV4HttpSigner.REGION_NAME, region));
    try {
      HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
          .request(signed.request())
          .contentStreamProvider(signed.payload().orElseThrow())
          .build()).call();
      int code = response.httpResponse().statusCode();
      if (code != 200) {
        throw new IllegalStateException("CodeDeploy answered " + code + " to " + TARGET + " (" + status + ") for deployment "
            + deploymentId + ": " + read(response));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(TARGET + " for deployment " + deploymentId + " failed: " + e.getMessage(), e);
    }
  }

  private static String read(HttpExecuteResponse response) throws IOException {
    if (response.responseBody().isEmpty()) {
      return "";
    }
    try (InputStream in = response.responseBody().get()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
