package dev.cairn.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of JSONPath that picks one value out of an event: {@code $}, {@code $.detail.orderId},
 * {@code $.detail-type}, {@code $.resources[0]}, {@code $['odd name']}. No wildcards or filters:
 * a start needs exactly one value.
 */
record JsonPath(String text, List<Object> steps) {
  private static final Pattern STEP = Pattern.compile("\\.([^.\\[\\]]+)|\\[(\\d+)]|\\['([^']+)']");

  static JsonPath parse(String text) {
    String t = text == null ? "" : text.trim();
    if (!t.startsWith("$")) {
      throw new IllegalArgumentException("JSON path \"" + text + "\" must start with $, e.g. $.detail.orderId");
    }
    List<Object> steps = new ArrayList<>();
    Matcher m = STEP.matcher(t);
    int at = 1;
    while (at < t.length()) {
      if (!m.find(at) || m.start() != at) {
        throw new IllegalArgumentException("JSON path \"" + text + "\" cannot be read at \"" + t.substring(at)
            + "\"; use $.name, $.name[0] or $['name']");
      }
      steps.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? Integer.valueOf(m.group(2)) : m.group(3));
      at = m.end();
    }
    return new JsonPath(t, List.copyOf(steps));
  }

  /** The value at this path, or a missing node. */
  JsonNode read(JsonNode root) {
    JsonNode n = root;
    for (Object step : steps) {
      n = step instanceof Integer i ? n.path(i) : n.path((String) step);
    }
    return n == null ? MissingNode.getInstance() : n;
  }

  @Override
  public String toString() {
    return text;
  }
}
