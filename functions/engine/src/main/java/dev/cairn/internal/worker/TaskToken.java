package dev.cairn.internal.worker;

import dev.cairn.internal.store.ExecutionKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Identifies one activity attempt for async completion: workflow id, run id, scheduled event id and
 * attempt, so a late completion of an old attempt is recognised as stale.
 */
public record TaskToken(ExecutionKey key, long scheduledEventId, int attempt) {
  public byte[] toBytes() {
    String s = "1|" + enc(key.workflowId()) + "|" + enc(key.runId()) + "|" + scheduledEventId + "|" + attempt;
    return s.getBytes(StandardCharsets.UTF_8);
  }

  public static TaskToken fromBytes(byte[] token) {
    String[] p = new String(token, StandardCharsets.UTF_8).split("\\|");
    if (p.length != 5 || !p[0].equals("1")) {
      throw new IllegalArgumentException("not a Cairn task token");
    }
    return new TaskToken(new ExecutionKey(dec(p[1]), dec(p[2])), Long.parseLong(p[3]), Integer.parseInt(p[4]));
  }

  private static String enc(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String dec(String s) {
    return new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8);
  }
}
