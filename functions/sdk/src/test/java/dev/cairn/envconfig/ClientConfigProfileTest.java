package dev.cairn.envconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientConfigProfileTest {
  @TempDir
  Path dir;

  private ClientConfigProfile load(Map<String, String> env) {
    return ClientConfigProfile.load(LoadClientConfigProfileOptions.newBuilder().setEnvOverrides(env).build());
  }

  @Test
  void load_shouldHaveNoTarget_whenNothingIsConfigured() {
    ClientConfigProfile profile = load(Map.of("CAIRN_CONFIG_FILE", dir.resolve("absent.toml").toString()));

    assertNull(profile.getAddress());
    assertNull(profile.toWorkflowServiceStubsOptions().getTarget(), "no target: the engine runs embedded");
    assertEquals("default", profile.toWorkflowClientOptions().getNamespace());
  }

  @Test
  void load_shouldReadAddressAndNamespace_whenSetInEnvironment() {
    ClientConfigProfile profile = load(Map.of("CAIRN_ADDRESS", "http://127.0.0.1:8233", "CAIRN_NAMESPACE", "orders",
        "CAIRN_CONFIG_FILE", dir.resolve("absent.toml").toString()));

    assertEquals("http://127.0.0.1:8233", profile.toWorkflowServiceStubsOptions().getTarget());
    assertEquals("orders", profile.toWorkflowClientOptions().getNamespace());
    assertFalse(profile.toWorkflowServiceStubsOptions().getAwsSigV4());
  }

  @Test
  void load_shouldReadChosenProfile_andEnvironmentShouldWin_whenConfigFileExists() throws IOException {
    Path file = dir.resolve("cairn.toml");
    Files.writeString(file, """
        # profiles
        [profile.default]
        address = "http://127.0.0.1:8233"

        [profile.prod]
        address = "https://abc.execute-api.eu-west-1.amazonaws.com/Prod"
        aws_sigv4 = true
        namespace = "prod"
        """);

    ClientConfigProfile prod = load(Map.of("CAIRN_CONFIG_FILE", file.toString(), "CAIRN_PROFILE", "prod"));
    assertEquals("https://abc.execute-api.eu-west-1.amazonaws.com/Prod", prod.getAddress());
    assertTrue(prod.toWorkflowServiceStubsOptions().getAwsSigV4());
    assertEquals("prod", prod.getNamespace());

    ClientConfigProfile overridden = load(Map.of("CAIRN_CONFIG_FILE", file.toString(), "CAIRN_ADDRESS", "http://other:9"));
    assertEquals("http://other:9", overridden.getAddress());
  }
}
