package dev.cairn.common.converter;

import dev.cairn.api.failure.v1.Failure;
import dev.cairn.api.failure.v1.Failure.ActivityFailureInfo;
import dev.cairn.api.failure.v1.Failure.ApplicationFailureInfo;
import dev.cairn.api.failure.v1.Failure.CanceledFailureInfo;
import dev.cairn.api.failure.v1.Failure.ChildWorkflowExecutionFailureInfo;
import dev.cairn.api.failure.v1.Failure.FailureInfo;
import dev.cairn.api.failure.v1.Failure.ServerFailureInfo;
import dev.cairn.api.failure.v1.Failure.TerminatedFailureInfo;
import dev.cairn.api.failure.v1.Failure.TimeoutFailureInfo;
import dev.cairn.failure.ActivityFailure;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.failure.CanceledFailure;
import dev.cairn.failure.ChildWorkflowFailure;
import dev.cairn.failure.ServerFailure;
import dev.cairn.failure.TemporalFailure;
import dev.cairn.failure.TerminatedFailure;
import dev.cairn.failure.TimeoutFailure;
import dev.cairn.internal.activity.CheckedExceptionWrapper;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Temporal's conversion rules: a {@link TemporalFailure} maps to its info record; any other
 * exception becomes an application failure whose type is its class name. Causes chain, stack
 * traces travel as text and are parsed back, so a rethrown failure still points at the original
 * code.
 */
public class DefaultFailureConverter implements FailureConverter {
  private static final Pattern FRAME = Pattern.compile("^(.*)\\.([^.(]+)\\((.*?)(?::(\\d+))?\\)$");

  @Override
  public Failure exceptionToFailure(Throwable throwable, DataConverter dataConverter) {
    return toFailure(throwable, dataConverter, new IdentityHashMap<>());
  }

  private Failure toFailure(Throwable t, DataConverter dc, Map<Throwable, Boolean> seen) {
    t = CheckedExceptionWrapper.unwrap(t);
    if (t instanceof TemporalFailure tf && tf.getFailure().isPresent()) {
      return tf.getFailure().get();
    }
    seen.put(t, Boolean.TRUE);
    Throwable c = t.getCause();
    Failure cause = c == null || seen.containsKey(c) ? null : toFailure(c, dc, seen);
    String message;
    FailureInfo info;
    if (t instanceof TemporalFailure tf) {
      message = tf.getOriginalMessage();
      info = infoOf(tf, dc);
    } else {
      message = t.getMessage() == null ? "" : t.getMessage();
      info = new ApplicationFailureInfo(t.getClass().getName(), false, null, null);
    }
    return Failure.of(message, Failure.JAVA_SDK, stackTraceText(t), cause, info);
  }

  private static FailureInfo infoOf(TemporalFailure t, DataConverter dc) {
    if (t instanceof ApplicationFailure a) {
      return new ApplicationFailureInfo(
          a.getType(), a.isNonRetryable(), payloads(a.getDetails(), dc), a.getNextRetryDelay());
    } else if (t instanceof TimeoutFailure to) {
      return new TimeoutFailureInfo(to.getTimeoutType(), payloads(to.getLastHeartbeatDetails(), dc));
    } else if (t instanceof CanceledFailure cf) {
      return new CanceledFailureInfo(payloads(cf.getDetails(), dc));
    } else if (t instanceof TerminatedFailure) {
      return new TerminatedFailureInfo();
    } else if (t instanceof ServerFailure s) {
      return new ServerFailureInfo(s.isNonRetryable());
    } else if (t instanceof ActivityFailure a) {
      return new ActivityFailureInfo(
          a.getScheduledEventId(),
          a.getStartedEventId(),
          a.getActivityType(),
          a.getActivityId(),
          a.getRetryState(),
          a.getIdentity());
    } else if (t instanceof ChildWorkflowFailure cw) {
      return new ChildWorkflowExecutionFailureInfo(
          cw.getNamespace(),
          cw.getExecution(),
          cw.getWorkflowType(),
          cw.getInitiatedEventId(),
          cw.getStartedEventId(),
          cw.getRetryState());
    }
    throw new IllegalArgumentException("Unknown TemporalFailure subclass " + t.getClass().getName());
  }

  private static Payloads payloads(Values values, DataConverter dc) {
    if (values == null) {
      return null;
    }
    Optional<Payloads> p;
    if (values instanceof EncodedValues ev) {
      p = ev.toPayloads(dc);
    } else {
      Object[] objects = new Object[values.getSize()];
      for (int i = 0; i < objects.length; i++) {
        objects[i] = values.get(i, Object.class);
      }
      p = dc.toPayloads(objects);
    }
    return p.orElse(null);
  }

  @Override
  public TemporalFailure failureToException(Failure failure, DataConverter dataConverter) {
    if (failure == null) {
      return null;
    }
    TemporalFailure result = toException(failure, dataConverter);
    result.setStackTrace(parseStackTrace(failure.stackTrace()));
    result.setFailure(failure);
    return result;
  }

  private TemporalFailure toException(Failure f, DataConverter dc) {
    TemporalFailure cause = failureToException(f.cause(), dc);
    String message = f.message();
    FailureInfo info = f.info();
    if (info instanceof ApplicationFailureInfo a) {
      return ApplicationFailure.newBuilder()
          .setMessage(message)
          .setType(a.type())
          .setNonRetryable(a.nonRetryable())
          .setDetails(values(a.details(), dc))
          .setCause(cause)
          .setNextRetryDelay(a.nextRetryDelay())
          .build();
    } else if (info instanceof TimeoutFailureInfo t) {
      return new TimeoutFailure(message, values(t.lastHeartbeatDetails(), dc), t.timeoutType(), cause);
    } else if (info instanceof CanceledFailureInfo c) {
      return new CanceledFailure(message, values(c.details(), dc), cause);
    } else if (info instanceof TerminatedFailureInfo) {
      return new TerminatedFailure(message, cause);
    } else if (info instanceof ServerFailureInfo s) {
      return new ServerFailure(message, s.nonRetryable(), cause);
    } else if (info instanceof ActivityFailureInfo a) {
      return new ActivityFailure(
          message,
          a.scheduledEventId(),
          a.startedEventId(),
          a.activityType(),
          a.activityId(),
          a.retryState(),
          a.identity(),
          cause);
    } else if (info instanceof ChildWorkflowExecutionFailureInfo cw) {
      return new ChildWorkflowFailure(
          cw.initiatedEventId(),
          cw.startedEventId(),
          cw.workflowType(),
          cw.workflowExecution(),
          cw.namespace(),
          cw.retryState(),
          cause);
    }
    // No info: written by another SDK or by hand; keep the message as an untyped failure.
    return ApplicationFailure.newBuilder().setMessage(message).setType("").setCause(cause).build();
  }

  private static EncodedValues values(Payloads payloads, DataConverter dc) {
    return new EncodedValues(Optional.ofNullable(payloads), dc);
  }

  private static String stackTraceText(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (StackTraceElement e : t.getStackTrace()) {
      sb.append(e).append('\n');
    }
    return sb.toString();
  }

  private static StackTraceElement[] parseStackTrace(String text) {
    if (text == null || text.isEmpty()) {
      return new StackTraceElement[0];
    }
    List<StackTraceElement> result = new ArrayList<>();
    for (String line : text.split("\n")) {
      String frame = line.strip();
      if (frame.startsWith("at ")) frame = frame.substring(3);
      int slash = frame.lastIndexOf('/', frame.indexOf('(') < 0 ? frame.length() : frame.indexOf('('));
      if (slash >= 0) frame = frame.substring(slash + 1); // drop "module@version/"
      Matcher m = FRAME.matcher(frame);
      if (!m.matches()) continue;
      String file = m.group(3);
      int lineNo = m.group(4) == null ? -1 : Integer.parseInt(m.group(4));
      if ("Native Method".equals(file)) {
        file = null;
        lineNo = -2;
      } else if ("Unknown Source".equals(file)) {
        file = null;
      }
      result.add(new StackTraceElement(m.group(1), m.group(2), file, lineNo));
    }
    return result.toArray(new StackTraceElement[0]);
  }
}
