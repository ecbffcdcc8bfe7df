package dev.cairn.internal.store.sqlite;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a listing page ended: the sort key of its last run (start time, workflow id, run id). The
 * next page starts strictly after it (keyset paging), so runs started meanwhile neither shift nor
 * repeat rows. Opaque to callers: base64url of {@code v1|startNanos|workflowIdLength|workflowId|runId}.
 */
record PageToken(long startTimeNanos, String workflowId, String runId) {
  private static final String PREFIX = "v1|";

  String encode() {
    String plain = PREFIX + startTimeNanos + "|" + workflowId.length() + "|" + workflowId + "|" + runId;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** @throws IllegalArgumentException for a token this store did not issue */
  static PageToken decode(String token) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (!plain.startsWith(PREFIX)) {
        throw new IllegalArgumentException("unknown version");
      }
      int timeEnd = plain.indexOf('|', PREFIX.length());
      long start = Long.parseLong(plain.substring(PREFIX.length(), timeEnd));
      int lengthEnd = plain.indexOf('|', timeEnd + 1);
      int idLength = Integer.parseInt(plain.substring(timeEnd + 1, lengthEnd));
      int idEnd = lengthEnd + 1 + idLength;
      if (plain.charAt(idEnd) != '|') {
        throw new IllegalArgumentException("bad workflow id length");
      }
      return new PageToken(start, plain.substring(lengthEnd + 1, idEnd), plain.substring(idEnd + 1));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("malformed page token: " + token, e);
    }
  }
}
