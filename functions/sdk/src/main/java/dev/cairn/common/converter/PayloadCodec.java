package dev.cairn.common.converter;

import java.util.List;

/**
 * Transforms already-serialised payloads (compression, encryption). Runs after conversion, so it
 * never sees Java objects; {@code decode} must reverse {@code encode}.
 */
public interface PayloadCodec {
  List<Payload> encode(List<Payload> payloads);

  List<Payload> decode(List<Payload> payloads);
}
