package dev.cairn.common.converter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An ordered, immutable list of payloads (the arguments of one call, the details of one failure).
 * Mirrors Temporal's protobuf accessors; serialises as {@code {"payloads":[...]}}, as proto JSON
 * does.
 */
public final class Payloads {
  private static final Payloads EMPTY = new Payloads(List.of());

  private final List<Payload> payloads;

  @JsonCreator
  private Payloads(@JsonProperty("payloads") List<Payload> payloads) {
    this.payloads = payloads == null ? List.of() : List.copyOf(payloads);
  }

  public static Payloads of(List<Payload> payloads) {
    return new Payloads(payloads);
  }

  public static Payloads of(Payload... payloads) {
    return new Payloads(List.of(payloads));
  }

  public static Payloads getDefaultInstance() {
    return EMPTY;
  }

  @JsonProperty("payloads")
  public List<Payload> getPayloadsList() {
    return payloads;
  }

  @JsonIgnore
  public int getPayloadsCount() {
    return payloads.size();
  }

  public Payload getPayloads(int index) {
    return payloads.get(index);
  }

  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof Payloads p && payloads.equals(p.payloads));
  }

  @Override
  public int hashCode() {
    return payloads.hashCode();
  }

  @Override
  public String toString() {
    return "Payloads" + payloads;
  }
}
