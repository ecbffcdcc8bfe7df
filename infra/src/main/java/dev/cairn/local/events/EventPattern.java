package dev.cairn.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An EventBridge event pattern, compiled, and whether an event matches it.
 *
 * <p>Supported, as EventBridge defines them: nested fields (every field of the pattern must match);
 * arrays of alternatives (any may match; an array in the event matches when any element does);
 * exact strings, numbers (compared numerically), booleans and null; {@code prefix}; {@code suffix};
 * {@code equals-ignore-case}; {@code anything-but} (a value, a list, or a {@code prefix}/{@code suffix});
 * {@code exists}; {@code numeric} with {@code = < <= > >=} (one or two comparisons). Not supported,
 * refused when the pattern is compiled: {@code wildcard}, {@code cidr}, {@code $or}.
 */
public final class EventPattern {
    private final Node root;

    private EventPattern(Node root) {
        this.root = root;
    }

    public static EventPattern compile(JsonNode pattern) {
        if (pattern == null || !pattern.isObject() || pattern.isEmpty()) {
            throw new IllegalArgumentException("an event pattern is a non-empty JSON object, got " + pattern);
        }
        return new EventPattern(fields(pattern, ""));
    }

    public boolean matches(JsonNode event) {
        return root.matches(event);
    }

    private sealed interface Node permits Fields, Alternatives {
        boolean matches(JsonNode value);
    }

    /** Every named field must match; a missing field is MissingNode, which only {@code exists: false} matches. */
    private record Fields(Map<String, Node> fields) implements Node {
        @Override
        public boolean matches(JsonNode value) {
            for (Map.Entry<String, Node> f : fields.entrySet()) {
                JsonNode child = value == null ? null : value.get(f.getKey());
                if (!f.getValue().matches(child)) {
                    return false;
                }
            }
            return true;
        }
    }

    private record Alternatives(List<Matcher> matchers) implements Node {
        @Override
        public boolean matches(JsonNode value) {
            if (value != null && value.isArray()) {
                for (JsonNode element : value) {
                    if (any(element)) {
                        return true;
                    }
                }
                return false;
            }
            return any(value);
        }

        private boolean any(JsonNode value) {
            for (Matcher m : matchers) {
                if (m.matches(value)) {
                    return true;
                }
            }
            return false;
        }
    }

    @FunctionalInterface
    private interface Matcher {
        /** {@code value} is null when the field is absent. */
        boolean matches(JsonNode value);
    }

    private static Fields fields(JsonNode pattern, String path) {
        Map<String, Node> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : pattern.properties()) {
            String where = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            if (e.getKey().equals("$or")) {
                throw new IllegalArgumentException("pattern at " + where + ": $or is not supported by the local runtime");
            }
            JsonNode v = e.getValue();
            if (v.isObject()) {
                out.put(e.getKey(), fields(v, where));
            } else if (v.isArray()) {
                List<Matcher> matchers = new ArrayList<>();
                v.forEach(item -> matchers.add(matcher(item, where)));
                out.put(e.getKey(), new Alternatives(matchers));
            } else {
                throw new IllegalArgumentException("pattern at " + where + ": values must be arrays, e.g. [\"" + v.asText() + "\"]");
            }
        }
        return new Fields(out);
    }

    private static Matcher matcher(JsonNode item, String where) {
        if (item.isNull()) {
            return value -> value != null && value.isNull();
        }
        if (item.isNumber()) {
            BigDecimal expected = item.decimalValue();
            return value -> value != null && value.isNumber() && value.decimalValue().compareTo(expected) == 0;
        }
        if (item.isTextual() || item.isBoolean()) {
            return value -> value != null && value.isValueNode() && !value.isNull() && value.getNodeType() == item.getNodeType()
                    && value.asText().equals(item.asText());
        }
        if (!item.isObject() || item.size() != 1) {
            throw new IllegalArgumentException("pattern at " + where + ": unsupported matcher " + item);
        }
        Map.Entry<String, JsonNode> op = item.properties().iterator().next();
        JsonNode arg = op.getValue();
        return switch (op.getKey()) {
            case "prefix" -> stringOp(where, arg, (s, a) -> s.startsWith(a));
            case "suffix" -> stringOp(where, arg, (s, a) -> s.endsWith(a));
            case "equals-ignore-case" -> stringOp(where, arg, (s, a) -> s.toLowerCase(Locale.ROOT).equals(a.toLowerCase(Locale.ROOT)));
            case "exists" -> {
                if (!arg.isBoolean()) {
                    throw new IllegalArgumentException("pattern at " + where + ": exists takes true or false");
                }
                boolean wanted = arg.booleanValue();
                yield value -> (value != null) == wanted;
            }
            case "anything-but" -> anythingBut(arg, where);
            case "numeric" -> numeric(arg, where);
            default -> throw new IllegalArgumentException("pattern at " + where + ": '" + op.getKey() + "' is not supported by the local runtime");
        };
    }

    private static Matcher stringOp(String where, JsonNode arg, java.util.function.BiPredicate<String, String> test) {
        if (!arg.isTextual()) {
            throw new IllegalArgumentException("pattern at " + where + ": expected a string, got " + arg);
        }
        String a = arg.asText();
        return value -> value != null && value.isTextual() && test.test(value.asText(), a);
    }

    /** Matches a present value that none of the listed ones (or the prefix/suffix) would match. */
    private static Matcher anythingBut(JsonNode arg, String where) {
        List<Matcher> excluded = new ArrayList<>();
        if (arg.isArray()) {
            arg.forEach(a -> excluded.add(matcher(a, where)));
        } else {
            excluded.add(matcher(arg, where));
        }
        return value -> value != null && excluded.stream().noneMatch(m -> m.matches(value));
    }

    private static Matcher numeric(JsonNode arg, String where) {
        if (!arg.isArray() || (arg.size() != 2 && arg.size() != 4)) {
            throw new IllegalArgumentException("pattern at " + where + ": numeric takes [op, n] or [op, n, op, n], got " + arg);
        }
        List<java.util.function.Predicate<BigDecimal>> tests = new ArrayList<>();
        for (int i = 0; i < arg.size(); i += 2) {
            String op = arg.get(i).asText();
            if (!arg.get(i + 1).isNumber()) {
                throw new IllegalArgumentException("pattern at " + where + ": numeric bound " + arg.get(i + 1) + " is not a number");
            }
            BigDecimal bound = arg.get(i + 1).decimalValue();
            tests.add(switch (op) {
                case "=" -> v -> v.compareTo(bound) == 0;
                case "<" -> v -> v.compareTo(bound) < 0;
                case "<=" -> v -> v.compareTo(bound) <= 0;
                case ">" -> v -> v.compareTo(bound) > 0;
                case ">=" -> v -> v.compareTo(bound) >= 0;
                default -> throw new IllegalArgumentException("pattern at " + where + ": unknown numeric operator '" + op + "'");
            });
        }
        return value -> value != null && value.isNumber() && tests.stream().allMatch(t -> t.test(value.decimalValue()));
    }
}
