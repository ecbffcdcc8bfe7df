package dev.cairn.internal.http;

import java.net.URI;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Signs requests for API Gateway's IAM auth (service {@code execute-api}) with the default AWS
 * credentials chain. The region comes from the API's host name
 * ({@code abc.execute-api.eu-west-1.amazonaws.com}), else from {@code AWS_REGION}.
 */
final class SigV4Signer implements RequestSigner {
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
  private final AwsCredentialsProvider credentials;
  private final String region;

  SigV4Signer(URI api, String regionFallback) {
    this.credentials = DefaultCredentialsProvider.builder().build();
    this.region = regionOf(api.getHost(), regionFallback);
  }

  static String regionOf(String host, String fallback) {
    String[] parts = host == null ? new String[0] : host.split("\\.");
    for (int i = 0; i + 1 < parts.length; i++) {
      if (parts[i].equals("execute-api")) {
        return parts[i + 1];
      }
    }
    if (fallback == null || fallback.isBlank()) {
      throw new IllegalStateException("cannot tell the AWS region of " + host + " for SigV4: set AWS_REGION");
    }
    return fallback;
  }

  @Override
  public Map<String, List<String>> headers(String method, URI uri, byte[] body) {
    SdkHttpRequest request = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.fromValue(method))
        .putHeader("Content-Type", "application/json").build();
    SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials()).request(request)
        .payload(ContentStreamProvider.fromByteArray(body))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
        .putProperty(AwsV4HttpSigner.REGION_NAME, region));
    // java.net.http sets Host and Content-Length itself and refuses them as user headers
    Map<String, List<String>> headers = new java.util.LinkedHashMap<>(signed.request().headers());
    headers.keySet().removeIf(h -> h.equalsIgnoreCase("Host") || h.equalsIgnoreCase("Content-Length"));
    return headers;
  }
}
