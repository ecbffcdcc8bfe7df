package dev.cairn.envconfig;

import dev.cairn.client.WorkflowClientOptions;
import dev.cairn.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A client's configuration read from the environment, as Temporal's envconfig reads
 * {@code TEMPORAL_ADDRESS}: {@code CAIRN_ADDRESS} (the HTTP API, e.g. {@code http://127.0.0.1:8233};
 * unset means the engine runs embedded in this JVM), {@code CAIRN_NAMESPACE}, {@code CAIRN_AWS_SIGV4}
 * ({@code true} signs requests for API Gateway's IAM auth). Below the environment, a TOML file
 * ({@code CAIRN_CONFIG_FILE}, default {@code ~/.config/cairn/cairn.toml}) may hold profiles:
 * <pre>
 * [profile.default]
 * address = "http://127.0.0.1:8233"
 * namespace = "default"
 * aws_sigv4 = false
 * </pre>
 * {@code CAIRN_PROFILE} picks the profile (default {@code default}); the environment wins over it.
 */
public final class ClientConfigProfile {
  public static final String ADDRESS_ENV = "CAIRN_ADDRESS";
  public static final String NAMESPACE_ENV = "CAIRN_NAMESPACE";
  public static final String AWS_SIGV4_ENV = "CAIRN_AWS_SIGV4";
  public static final String PROFILE_ENV = "CAIRN_PROFILE";
  public static final String CONFIG_FILE_ENV = "CAIRN_CONFIG_FILE";

  private final String address;
  private final String namespace;
  private final boolean awsSigV4;

  private ClientConfigProfile(Builder b) {
    this.address = blankToNull(b.address);
    this.namespace = blankToNull(b.namespace);
    this.awsSigV4 = b.awsSigV4;
  }

  /** The profile of the process environment (and the config file, if any). */
  public static ClientConfigProfile load() {
    return load(LoadClientConfigProfileOptions.newBuilder().build());
  }

  public static ClientConfigProfile load(LoadClientConfigProfileOptions options) {
    Map<String, String> env = options.isDisableEnv() ? Map.of()
        : options.getEnvOverrides() != null ? options.getEnvOverrides() : System.getenv();
    Map<String, String> values = new HashMap<>();
    if (!options.isDisableFile()) {
      Path file = options.getConfigFilePath() != null ? options.getConfigFilePath() : defaultFile(env);
      String profile = options.getConfigFileProfile() != null ? options.getConfigFileProfile()
          : env.getOrDefault(PROFILE_ENV, "default");
      if (file != null && Files.isRegularFile(file)) {
        values.putAll(readProfile(file, profile));
      }
    }
    putIfSet(values, "address", env.get(ADDRESS_ENV));
    putIfSet(values, "namespace", env.get(NAMESPACE_ENV));
    putIfSet(values, "aws_sigv4", env.get(AWS_SIGV4_ENV));
    return newBuilder().setAddress(values.get("address")).setNamespace(values.get("namespace"))
        .setAwsSigV4(Boolean.parseBoolean(values.get("aws_sigv4"))).build();
  }

  private static Path defaultFile(Map<String, String> env) {
    if (env.get(CONFIG_FILE_ENV) != null) {
      return Path.of(env.get(CONFIG_FILE_ENV));
    }
    String home = System.getProperty("user.home");
    return home == null ? null : Path.of(home, ".config", "cairn", "cairn.toml");
  }

  /** The {@code key = value} lines of one {@code [profile.NAME]} table: the subset of TOML profiles use. */
  static Map<String, String> readProfile(Path file, String profile) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read client config file " + file, e);
    }
    Map<String, String> values = new HashMap<>();
    boolean inProfile = false;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[")) {
        inProfile = line.replace(" ", "").equals("[profile." + profile + "]");
        continue;
      }
      int eq = line.indexOf('=');
      if (inProfile && eq > 0) {
        String value = line.substring(eq + 1).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        values.put(line.substring(0, eq).strip(), value);
      }
    }
    return values;
  }

  private static void putIfSet(Map<String, String> values, String key, String value) {
    if (value != null && !value.isBlank()) {
      values.put(key, value);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  /** The HTTP API address, or null (the engine runs embedded). */
  public String getAddress() {
    return address;
  }

  public String getNamespace() {
    return namespace;
  }

  public boolean isAwsSigV4() {
    return awsSigV4;
  }

  public WorkflowServiceStubsOptions toWorkflowServiceStubsOptions() {
    return WorkflowServiceStubsOptions.newBuilder().setTarget(address).setAwsSigV4(awsSigV4).build();
  }

  public WorkflowClientOptions toWorkflowClientOptions() {
    WorkflowClientOptions.Builder b = WorkflowClientOptions.newBuilder();
    if (namespace != null) {
      b.setNamespace(namespace);
    }
    return b.build();
  }

  public static final class Builder {
    private String address;
    private String namespace;
    private boolean awsSigV4;

    private Builder() {}

    public Builder setAddress(String address) {
      this.address = address;
      return this;
    }

    public Builder setNamespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    public Builder setAwsSigV4(boolean awsSigV4) {
      this.awsSigV4 = awsSigV4;
      return this;
    }

    public ClientConfigProfile build() {
      return new ClientConfigProfile(this);
    }
  }
}
