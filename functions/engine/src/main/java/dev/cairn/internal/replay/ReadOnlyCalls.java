package dev.cairn.internal.replay;

import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.Payloads;
import dev.cairn.internal.definition.Invocations;
import dev.cairn.internal.sync.DestroyWorkflowThreadError;
import dev.cairn.internal.sync.DeterministicRunner;
import dev.cairn.internal.sync.WorkflowThread;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.function.Supplier;

/** Queries and update validators, run on a workflow thread that may neither block nor record a command. */
final class ReadOnlyCalls {
  private final RunInfo info;
  private final DeterministicRunner runner;
  private final DataConverter dataConverter;
  private final SignalDispatch listeners;
  private final Supplier<Object> instance;
  private String readOnlyHandler;

  ReadOnlyCalls(RunInfo info, DeterministicRunner runner, DataConverter dataConverter, SignalDispatch listeners,
      Supplier<Object> instance) {
    this.info = info;
    this.runner = runner;
    this.dataConverter = dataConverter;
    this.listeners = listeners;
    this.instance = instance;
  }

  /** The handler running now, named for error messages; null when no read-only call is running. */
  String activeHandler() {
    return readOnlyHandler;
  }

  /**
   * Calls a query handler or an update validator on the workflow object as the last decision left
   * it. It runs on a workflow thread (it may read Workflow.getInfo and the like) that may neither
   * block nor record a command; either fails the call with a message that names the handler.
   *
   * @throws HandlerFailedException when the handler throws
   */
  Object callReadOnly(String what, Method handler, Payloads input) {
    return callReadOnly(what, () -> Invocations.invoke(handler, instance.get(), dataConverter.arrayFromPayloads(
        Optional.ofNullable(input), handler.getParameterTypes(), handler.getGenericParameterTypes())));
  }

  /** A query answered by a handler registered with {@code Workflow.registerListener}, dynamic or named. */
  Object callListenerQuery(String queryType, Payloads input) {
    SignalDispatch.Bound bound = listeners.query(queryType);
    if (bound != null) {
      Method m = bound.method();
      return callReadOnly("query handler " + queryType, () -> Invocations.invoke(m, bound.target(),
          dataConverter.arrayFromPayloads(Optional.ofNullable(input), m.getParameterTypes(), m.getGenericParameterTypes())));
    }
    dev.cairn.workflow.DynamicQueryHandler dynamic = listeners.dynamicQueries();
    return callReadOnly("query handler " + queryType, () -> dynamic.handle(queryType,
        new dev.cairn.common.converter.EncodedValues(Optional.ofNullable(input), dataConverter)));
  }

  boolean hasListenerQuery(String queryType) {
    return listeners.query(queryType) != null || listeners.dynamicQueries() != null;
  }

  Object callReadOnly(String what, Supplier<Object> call) {
    if (instance.get() == null) {
      throw new WorkflowNotReadyException(info.workflowId(), what);
    }
    Object[] result = new Object[1];
    Throwable[] failure = new Throwable[1];
    readOnlyHandler = what;
    try {
      runner.newThread(what, runner.rootScope(), () -> {
        WorkflowThread.require().forbidBlocking(what);
        try {
          result[0] = call.get();
        } catch (DestroyWorkflowThreadError e) {
          throw e;
        } catch (Throwable t) {
          failure[0] = t instanceof Invocations.CheckedExceptionThrown ? t.getCause() : t;
        }
      });
      runner.runUntilAllBlocked();
    } finally {
      readOnlyHandler = null;
    }
    if (failure[0] != null) {
      throw new HandlerFailedException(what, dataConverter.exceptionToFailure(failure[0]));
    }
    return result[0];
  }
}
