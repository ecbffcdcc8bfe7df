package dev.cairn.envconfig;

import java.nio.file.Path;
import java.util.Map;

/** Where {@link ClientConfigProfile#load(LoadClientConfigProfileOptions)} reads from, as in Temporal. */
public final class LoadClientConfigProfileOptions {
  private final Path configFilePath;
  private final String configFileProfile;
  private final Map<String, String> envOverrides;
  private final boolean disableFile;
  private final boolean disableEnv;

  private LoadClientConfigProfileOptions(Builder b) {
    this.configFilePath = b.configFilePath;
    this.configFileProfile = b.configFileProfile;
    this.envOverrides = b.envOverrides;
    this.disableFile = b.disableFile;
    this.disableEnv = b.disableEnv;
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  public Path getConfigFilePath() {
    return configFilePath;
  }

  public String getConfigFileProfile() {
    return configFileProfile;
  }

  /** Used instead of the process environment when set. */
  public Map<String, String> getEnvOverrides() {
    return envOverrides;
  }

  public boolean isDisableFile() {
    return disableFile;
  }

  public boolean isDisableEnv() {
    return disableEnv;
  }

  public static final class Builder {
    private Path configFilePath;
    private String configFileProfile;
    private Map<String, String> envOverrides;
    private boolean disableFile;
    private boolean disableEnv;

    private Builder() {}

    public Builder setConfigFilePath(String path) {
      this.configFilePath = path == null ? null : Path.of(path);
      return this;
    }

    public Builder setConfigFileProfile(String profile) {
      this.configFileProfile = profile;
      return this;
    }

    public Builder setEnvOverrides(Map<String, String> env) {
      this.envOverrides = env == null ? null : Map.copyOf(env);
      return this;
    }

    public Builder setDisableFile(boolean disableFile) {
      this.disableFile = disableFile;
      return this;
    }

    public Builder setDisableEnv(boolean disableEnv) {
      this.disableEnv = disableEnv;
      return this;
    }

    public LoadClientConfigProfileOptions build() {
      return new LoadClientConfigProfileOptions(this);
    }
  }
}
