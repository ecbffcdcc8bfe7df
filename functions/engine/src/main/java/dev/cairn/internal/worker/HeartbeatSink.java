package dev.cairn.internal.worker;

import dev.cairn.common.converter.Payloads;
import java.util.Optional;

/** Where an attempt's heartbeats go; answers whether cancellation was requested. */
public interface HeartbeatSink {
  /** @throws dev.cairn.client.ActivityNotExistsException when the attempt is no longer current */
  boolean heartbeat(Payloads details);

  Optional<Payloads> lastDetails();
}
