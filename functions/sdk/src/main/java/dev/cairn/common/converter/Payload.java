package dev.cairn.common.converter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One serialised value with the metadata (chiefly {@code encoding}) needed to read it back. Plain
 * Java instead of Temporal's protobuf message; serialises with Jackson as {@code
 * {"metadata":{...},"data":"<base64>"}}.
 */
public final class Payload {
  public static final String ENCODING = "encoding";

  private final Map<String, String> metadata;
  private final byte[] data;

  @JsonCreator
  public Payload(
      @JsonProperty("metadata") Map<String, String> metadata, @JsonProperty("data") byte[] data) {
    this.metadata =
        metadata == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    this.data = data == null ? new byte[0] : data.clone();
  }

  /** A payload whose only metadata is its encoding. */
  public static Payload of(String encoding, byte[] data) {
    return new Payload(Map.of(ENCODING, encoding), data);
  }

  @JsonProperty("metadata")
  public Map<String, String> getMetadata() {
    return metadata;
  }

  /** A copy, so a payload stays immutable. */
  @JsonProperty("data")
  public byte[] getData() {
    return data.clone();
  }

  /** The {@code encoding} metadata entry, or null when absent. */
  @JsonIgnore
  public String getEncoding() {
    return metadata.get(ENCODING);
  }

  @Override
  public boolean equals(Object o) {
    return this == o
        || (o instanceof Payload p && metadata.equals(p.metadata) && Arrays.equals(data, p.data));
  }

  @Override
  public int hashCode() {
    return Objects.hash(metadata, Arrays.hashCode(data));
  }

  @Override
  public String toString() {
    String body =
        "json/plain".equals(getEncoding())
            ? new String(data, StandardCharsets.UTF_8)
            : data.length + " bytes";
    return "Payload{metadata=" + metadata + ", data=" + body + "}";
  }
}
