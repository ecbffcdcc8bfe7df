package dev.cairn.internal.replay;

import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.EncodedValues;
import dev.cairn.common.converter.Payloads;
import dev.cairn.internal.definition.Invocations;
import dev.cairn.workflow.DynamicQueryHandler;
import dev.cairn.workflow.DynamicSignalHandler;
import dev.cairn.workflow.DynamicUpdateHandler;
import dev.cairn.workflow.QueryMethod;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.UpdateMethod;
import dev.cairn.workflow.UpdateValidatorMethod;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signal, query and update handlers beyond the workflow interface's: those registered at run time with
 * {@code Workflow.registerListener}, dynamic ones included, and the signals that arrived before any
 * handler for them existed, buffered until one is registered, as Temporal does.
 */
final class SignalDispatch {
  /** A handler method and the object it is called on. */
  record Bound(Method method, Object target) {}

  record BufferedSignal(String name, Payloads input) {}

  private final Map<String, Bound> signals = new HashMap<>();
  private final Map<String, Bound> queries = new HashMap<>();
  private final Map<String, Bound> updates = new HashMap<>();
  private final Map<String, Bound> updateValidators = new HashMap<>();
  private final List<BufferedSignal> buffered = new ArrayList<>();
  private DynamicSignalHandler dynamicSignals;
  private DynamicQueryHandler dynamicQueries;
  private DynamicUpdateHandler dynamicUpdates;

  void register(Object listener) {
    if (listener instanceof DynamicSignalHandler d) {
      dynamicSignals = d;
    }
    if (listener instanceof DynamicQueryHandler q) {
      dynamicQueries = q;
    }
    if (listener instanceof DynamicUpdateHandler u) {
      dynamicUpdates = u;
    }
    for (Class<?> c = listener.getClass(); c != null; c = c.getSuperclass()) {
      for (Class<?> iface : c.getInterfaces()) {
        for (Method m : iface.getMethods()) {
          SignalMethod sm = m.getAnnotation(SignalMethod.class);
          if (sm != null) {
            signals.put(sm.name().isEmpty() ? m.getName() : sm.name(), new Bound(m, listener));
          }
          QueryMethod qm = m.getAnnotation(QueryMethod.class);
          if (qm != null) {
            queries.put(qm.name().isEmpty() ? m.getName() : qm.name(), new Bound(m, listener));
          }
          UpdateMethod um = m.getAnnotation(UpdateMethod.class);
          if (um != null) {
            updates.put(um.name().isEmpty() ? m.getName() : um.name(), new Bound(m, listener));
          }
          UpdateValidatorMethod uv = m.getAnnotation(UpdateValidatorMethod.class);
          if (uv != null) {
            updateValidators.put(uv.updateName(), new Bound(m, listener));
          }
        }
      }
    }
  }

  /** Calls the handler for a signal; false when there is none yet. */
  boolean handle(String name, Payloads input, DataConverter dc) {
    Bound bound = signals.get(name);
    if (bound != null) {
      Method m = bound.method();
      Invocations.invoke(m, bound.target(),
          dc.arrayFromPayloads(Optional.ofNullable(input), m.getParameterTypes(), m.getGenericParameterTypes()));
      return true;
    }
    if (dynamicSignals != null) {
      dynamicSignals.handle(name, new EncodedValues(Optional.ofNullable(input), dc));
      return true;
    }
    return false;
  }

  boolean canHandle(String name) {
    return signals.containsKey(name) || dynamicSignals != null;
  }

  void buffer(String name, Payloads input) {
    buffered.add(new BufferedSignal(name, input));
  }

  /** Buffered signals a handler now exists for, in arrival order, taken out of the buffer. */
  List<BufferedSignal> takeHandleable() {
    List<BufferedSignal> ready = new ArrayList<>();
    for (Iterator<BufferedSignal> it = buffered.iterator(); it.hasNext(); ) {
      BufferedSignal b = it.next();
      if (canHandle(b.name())) {
        ready.add(b);
        it.remove();
      }
    }
    return ready;
  }

  /** A query handler registered at run time, or null. */
  Bound query(String name) {
    return queries.get(name);
  }

  DynamicQueryHandler dynamicQueries() {
    return dynamicQueries;
  }

  /** An update handler registered at run time, or null. */
  Bound update(String name) {
    return updates.get(name);
  }

  Bound updateValidator(String updateName) {
    return updateValidators.get(updateName);
  }

  DynamicUpdateHandler dynamicUpdates() {
    return dynamicUpdates;
  }

  java.util.Set<String> updateNames() {
    return updates.keySet();
  }
}
