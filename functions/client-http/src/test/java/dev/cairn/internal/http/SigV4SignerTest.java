package dev.cairn.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SigV4SignerTest {
  @BeforeEach
  void credentials() {
    System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
    System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
  }

  @AfterEach
  void clear() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  @Test
  void headers_shouldSignForExecuteApiInTheApisRegion_whenTargetIsApiGateway() {
    URI api = URI.create("https://abc123.execute-api.eu-west-1.amazonaws.com/Prod");
    SigV4Signer signer = new SigV4Signer(api, null);

    Map<String, List<String>> headers = signer.headers("POST", URI.create(api + "/workflows"),
        "{\"workflowType\":\"OrderWorkflow\"}".getBytes(StandardCharsets.UTF_8));

    String authorization = headers.get("Authorization").get(0);
    assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"), authorization);
    assertTrue(authorization.contains("/eu-west-1/execute-api/aws4_request"), authorization);
    assertTrue(headers.containsKey("X-Amz-Date"), headers.keySet().toString());
    assertTrue(headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Host")), "java.net.http sets Host itself");
  }

  @Test
  void regionOf_shouldFallBackToAwsRegion_whenHostIsNotApiGateway() {
    assertEquals("us-east-2", SigV4Signer.regionOf("api.example.com", "us-east-2"));
    assertEquals("eu-west-1", SigV4Signer.regionOf("abc.execute-api.eu-west-1.amazonaws.com", "us-east-2"));
  }
}
