package dev.cairn.internal.replay;

import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.Payloads;
import dev.cairn.failure.TemporalFailure;
import dev.cairn.internal.definition.Invocations;
import dev.cairn.internal.definition.WorkflowDefinition;
import dev.cairn.internal.history.EventAttributes.CommandEvent;
import dev.cairn.internal.history.EventAttributes.WorkflowExecutionUpdateCompleted;
import dev.cairn.internal.sync.DestroyWorkflowThreadError;
import dev.cairn.internal.sync.DeterministicRunner;
import dev.cairn.internal.sync.WorkflowThread;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/** Signals and updates delivered to the run: each runs its handler on a thread of its own. */
final class MessageHandlers {
  private final RunInfo info;
  private final WorkflowDefinition definition;
  private final DataConverter dataConverter;
  private final DeterministicRunner runner;
  private final SignalDispatch listeners;
  private final ReadOnlyCalls readOnly;
  private final RunOutcome outcome;
  private final Supplier<Object> instance;
  private final BooleanSupplier replaying;
  private final IntSupplier threadSeq;
  private final Consumer<CommandEvent> addCommand;
  /** Signal and update handlers started and not yet returned: what isEveryHandlerFinished waits for. */
  private int runningHandlers;

  /**
   * {@code instance} is the workflow object once built, {@code threadSeq} numbers the run's threads,
   * {@code addCommand} issues a command.
   */
  MessageHandlers(RunInfo info, WorkflowDefinition definition, DataConverter dataConverter, DeterministicRunner runner,
      SignalDispatch listeners, ReadOnlyCalls readOnly, RunOutcome outcome, Supplier<Object> instance,
      BooleanSupplier replaying, IntSupplier threadSeq, Consumer<CommandEvent> addCommand) {
    this.info = info;
    this.definition = definition;
    this.dataConverter = dataConverter;
    this.runner = runner;
    this.listeners = listeners;
    this.readOnly = readOnly;
    this.outcome = outcome;
    this.instance = instance;
    this.replaying = replaying;
    this.threadSeq = threadSeq;
    this.addCommand = addCommand;
  }

  /**
   * A signal event: its handler runs on a thread of its own, after the instance exists. A signal
   * with no handler yet is buffered until {@code Workflow.registerListener} adds one.
   */
  void deliverSignal(String name, Payloads input) {
    runner.newThread("signal-" + name + "-" + threadSeq.getAsInt(), runner.rootScope(), () -> {
      WorkflowThread.require().yieldUntil("workflow instance", () -> instance.get() != null);
      runSignalHandler(name, input);
    });
  }

  private void runSignalHandler(String name, Payloads input) {
    runningHandlers++;
    try {
      Method handler = definition.signals().get(name);
      if (handler != null) {
        Object[] args = dataConverter.arrayFromPayloads(Optional.ofNullable(input), handler.getParameterTypes(),
            handler.getGenericParameterTypes());
        Invocations.invoke(handler, instance.get(), args);
      } else if (!listeners.handle(name, input, dataConverter)) {
        listeners.buffer(name, input);
        if (!replaying.getAsBoolean()) {
          LoggerFactory.getLogger(ReplayContext.class).debug("workflow {} of type {} has no handler for signal '{}' yet;"
              + " it is buffered until one is registered", info.workflowId(), info.workflowType(), name);
        }
      }
    } catch (DestroyWorkflowThreadError e) {
      throw e;
    } catch (Throwable t) {
      outcome.closeOnFailure(t);
    } finally {
      runningHandlers--;
    }
  }

  /**
   * An accepted update: its handler runs on a thread of its own, like a signal's, and its result (or
   * the failure it threw) is recorded as WorkflowExecutionUpdateCompleted when it returns.
   */
  void deliverUpdate(String updateId, String name, Payloads input) {
    runner.newThread("update-" + name + "-" + threadSeq.getAsInt(), runner.rootScope(), () -> {
      WorkflowThread.require().yieldUntil("workflow instance", () -> instance.get() != null);
      UpdateCall call = updateCall(name, input);
      if (call == null) { // accepted by older code that had the handler
        completeUpdate(updateId, null, new IllegalStateException("the workflow has no handler for update " + name));
        return;
      }
      runningHandlers++;
      try {
        Object result = call.execute().get();
        completeUpdate(updateId, call.returnsVoid() ? null : dataConverter.toPayloads(result).orElse(null), null);
      } catch (DestroyWorkflowThreadError | ContinueAsNewError e) {
        throw e;
      } catch (Throwable t) {
        Throwable cause = t instanceof Invocations.CheckedExceptionThrown ? t.getCause() : t;
        if (cause instanceof TemporalFailure || outcome.failsWorkflow(cause)) {
          completeUpdate(updateId, null, cause);
        } else {
          outcome.failWorkflowTask(cause); // as in Temporal: fails the workflow task, retried until the code is fixed
        }
      } finally {
        runningHandlers--;
      }
    });
  }

  /** An update's validator and handler, bound to their arguments; {@code validate} is null when there is none. */
  private record UpdateCall(Supplier<Object> validate, Supplier<Object> execute, boolean returnsVoid) {}

  /**
   * The handler for an update: the workflow interface's, else one a listener registered, else the
   * dynamic one, as Temporal resolves them. Null when there is none.
   */
  private UpdateCall updateCall(String name, Payloads input) {
    Method own = definition.updates().get(name);
    if (own != null) {
      return boundUpdate(own, definition.updateValidators().get(name), instance.get(), instance.get(), input);
    }
    SignalDispatch.Bound listener = listeners.update(name);
    if (listener != null) {
      SignalDispatch.Bound validator = listeners.updateValidator(name);
      return boundUpdate(listener.method(), validator == null ? null : validator.method(), listener.target(),
          validator == null ? null : validator.target(), input);
    }
    dev.cairn.workflow.DynamicUpdateHandler dynamic = listeners.dynamicUpdates();
    if (dynamic == null) {
      return null;
    }
    dev.cairn.common.converter.EncodedValues args = new dev.cairn.common.converter.EncodedValues(
        Optional.ofNullable(input), dataConverter);
    return new UpdateCall(() -> {
      dynamic.handleValidate(name, args);
      return null;
    }, () -> dynamic.handleExecute(name, args), false);
  }

  private UpdateCall boundUpdate(Method handler, Method validator, Object target, Object validatorTarget, Payloads input) {
    Supplier<Object> validate = validator == null ? null : () -> Invocations.invoke(validator, validatorTarget,
        dataConverter.arrayFromPayloads(Optional.ofNullable(input), validator.getParameterTypes(),
            validator.getGenericParameterTypes()));
    return new UpdateCall(validate, () -> Invocations.invoke(handler, target, dataConverter.arrayFromPayloads(
        Optional.ofNullable(input), handler.getParameterTypes(), handler.getGenericParameterTypes())),
        handler.getReturnType() == void.class);
  }

  /**
   * Runs an update's validator on the state the last decision left.
   *
   * @throws UnknownHandlerException when the workflow has no handler for it
   * @throws HandlerFailedException when the validator rejects it
   */
  void validateUpdate(String name, Payloads input) {
    UpdateCall call = instance.get() == null ? null : updateCall(name, input);
    if (call == null) {
      java.util.Set<String> known = new java.util.TreeSet<>(definition.updates().keySet());
      known.addAll(listeners.updateNames());
      throw new UnknownHandlerException("update", name, known);
    }
    if (call.validate() != null) {
      readOnly.callReadOnly("update validator " + name, call.validate());
    }
  }

  private void completeUpdate(String updateId, Payloads result, Throwable failure) {
    addCommand.accept(new WorkflowExecutionUpdateCompleted(updateId, result,
        failure == null ? null : dataConverter.exceptionToFailure(failure)));
  }

  /** Adds listeners' handlers and runs the buffered signals they now handle. */
  void registerListener(Object listener) {
    listeners.register(java.util.Objects.requireNonNull(listener, "listener"));
    for (SignalDispatch.BufferedSignal b : listeners.takeHandleable()) {
      runner.newThread("signal-" + b.name() + "-" + threadSeq.getAsInt(), runner.rootScope(),
          () -> runSignalHandler(b.name(), b.input()));
    }
  }

  boolean isEveryHandlerFinished() {
    return runningHandlers == 0;
  }
}
