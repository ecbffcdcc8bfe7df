package dev.cairn.internal.http;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Adds authentication headers to a request before it is sent. */
interface RequestSigner {
  RequestSigner NONE = (method, uri, body) -> Map.of();

  /** The headers to add (name to values) for this exact request. */
  Map<String, List<String>> headers(String method, URI uri, byte[] body);
}
