package dev.cairn.internal.replay;

import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.Payloads;
import dev.cairn.internal.definition.WorkflowDefinition;
import java.lang.reflect.Method;
import dev.cairn.internal.history.EventAttributes;
import dev.cairn.internal.history.EventAttributes.CommandEvent;
import dev.cairn.internal.history.EventAttributes.WorkflowExecutionStarted;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.sync.DeterministicRunner;
import dev.cairn.worker.NonDeterministicException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A decision as a pure function: history in, new commands out, no I/O. It replays every recorded
 * decision (each {@code WorkflowTaskCompleted} marks one), checks that the code issues the recorded
 * commands one for one, then runs the code on the events that arrived since and returns its new
 * commands. The Lambda handler, the test environment and the replay tool all call this.
 */
public final class ReplayEngine {
  private final WorkflowRegistry registry;
  private final DataConverter dataConverter;
  private final long deadlockDetectionMillis;
  private final LocalActivityExecutor localActivities;

  /** An engine that never runs local activities: a replayer, which takes their results from markers. */
  public ReplayEngine(WorkflowRegistry registry, DataConverter dataConverter) {
    this(registry, dataConverter, DeterministicRunner.DEFAULT_DEADLOCK_DETECTION_MILLIS, null);
  }

  /** An engine of a worker that runs new local activities with {@code localActivities}. */
  public ReplayEngine(WorkflowRegistry registry, DataConverter dataConverter, LocalActivityExecutor localActivities) {
    this(registry, dataConverter, DeterministicRunner.DEFAULT_DEADLOCK_DETECTION_MILLIS, localActivities);
  }

  public ReplayEngine(WorkflowRegistry registry, DataConverter dataConverter, long deadlockDetectionMillis) {
    this(registry, dataConverter, deadlockDetectionMillis, null);
  }

  public ReplayEngine(WorkflowRegistry registry, DataConverter dataConverter, long deadlockDetectionMillis,
      LocalActivityExecutor localActivities) {
    this.registry = registry;
    this.dataConverter = dataConverter;
    this.deadlockDetectionMillis = deadlockDetectionMillis;
    this.localActivities = localActivities;
  }

  /**
   * Decides what the run does next.
   *
   * @param history the run's whole history, first event WorkflowExecutionStarted
   * @param now the decision's time: what {@code Workflow.currentTimeMillis()} returns in new code
   * @throws NonDeterministicException when the code no longer matches its history
   * @throws WorkflowTaskFailure when workflow code fails with a non-workflow failure
   */
  public Decision decide(String namespace, String workflowId, String runId, List<HistoryEvent> history, Instant now) {
    return decide(namespace, workflowId, runId, history, now, WorkflowInfoImpl.DEFAULT_SUGGEST_CONTINUE_AS_NEW_AT);
  }

  /**
   * As above, with the history length from which {@code Workflow.getInfo().isContinueAsNewSuggested()}
   * is true (the runtime passes its {@code HistoryLimits.warnEvents}).
   */
  public Decision decide(String namespace, String workflowId, String runId, List<HistoryEvent> history, Instant now,
      long continueAsNewSuggestedAt) {
    return withContext(namespace, workflowId, runId, history, continueAsNewSuggestedAt,
        (ctx, info, definition) -> replay(ctx, info, history, now));
  }

  /**
   * Answers a query: replays the decisions history records (nothing new runs, nothing is written),
   * then calls the query handler on the workflow object and returns its converted result. Works on
   * closed runs too: their history replays to the state they closed in.
   *
   * @throws UnknownHandlerException when the workflow has no query of that name
   * @throws HandlerFailedException when the handler throws, blocks or tries to record a command
   * @throws WorkflowNotReadyException before the run's first decision
   */
  public Payloads query(String namespace, String workflowId, String runId, List<HistoryEvent> history,
      String queryType, Payloads args) {
    return withDecided(namespace, workflowId, runId, history, (ctx, definition) -> {
      Method handler = definition.queries().get(queryType);
      if (handler == null && ctx.readOnly().hasListenerQuery(queryType)) {
        return dataConverter.toPayloads(ctx.readOnly().callListenerQuery(queryType, args)).orElse(null);
      }
      if (handler == null) {
        throw new UnknownHandlerException("query", queryType, definition.queries().keySet());
      }
      Object result = ctx.readOnly().callReadOnly("query handler " + queryType, handler, args);
      return dataConverter.toPayloads(result).orElse(null);
    });
  }

  /**
   * Runs an update's validator (if it has one) on the state the recorded decisions leave, without
   * writing anything. Returns normally when the update may be accepted.
   *
   * @throws UnknownHandlerException when the workflow has no update of that name (a rejection)
   * @throws HandlerFailedException when the validator throws: the update is rejected
   * @throws WorkflowNotReadyException before the run's first decision
   */
  public void validateUpdate(String namespace, String workflowId, String runId, List<HistoryEvent> history,
      String updateName, Payloads args) {
    withDecided(namespace, workflowId, runId, history, (ctx, definition) -> {
      ctx.messages().validateUpdate(updateName, args);
      return null;
    });
  }

  private <T> T withDecided(String namespace, String workflowId, String runId, List<HistoryEvent> history,
      java.util.function.BiFunction<ReplayContext, WorkflowDefinition, T> call) {
    List<HistoryEvent> decided = decidedPrefix(history);
    return withContext(namespace, workflowId, runId, history, WorkflowInfoImpl.DEFAULT_SUGGEST_CONTINUE_AS_NEW_AT,
        (ctx, info, definition) -> {
      if (decided.isEmpty()) {
        throw new WorkflowNotReadyException(workflowId, "handlers");
      }
      replay(ctx, info, decided, decided.get(decided.size() - 1).timestamp());
      return call.apply(ctx, definition);
    });
  }

  /**
   * History up to the last decision and its commands: the state that decision left. Later events
   * (a signal, an activity result) wait for the next decision, so a query cannot see, and no
   * handler can run on, what the workflow itself has not yet seen.
   */
  static List<HistoryEvent> decidedPrefix(List<HistoryEvent> history) {
    int last = -1;
    for (int i = 0; i < history.size(); i++) {
      if (history.get(i).attributes() instanceof EventAttributes.WorkflowTaskCompleted) {
        last = i;
      }
    }
    if (last < 0) {
      return List.of();
    }
    int end = last + 1;
    while (end < history.size() && history.get(end).attributes() instanceof CommandEvent) {
      end++;
    }
    return history.subList(0, end);
  }

  private interface ContextCall<T> {
    T apply(ReplayContext ctx, RunInfo info, WorkflowDefinition definition);
  }

  private <T> T withContext(String namespace, String workflowId, String runId, List<HistoryEvent> history,
      long continueAsNewSuggestedAt, ContextCall<T> call) {
    if (history.isEmpty() || !(history.get(0).attributes() instanceof WorkflowExecutionStarted started)) {
      throw new IllegalArgumentException("history must start with WorkflowExecutionStarted");
    }
    WorkflowRegistry.Registration registration = registry.find(started.workflowType()).orElseThrow(() ->
        new UnknownWorkflowTypeException(started.workflowType(), registry.types()));
    RunInfo info = new RunInfo(namespace, workflowId, runId, started, continueAsNewSuggestedAt);
    ReplayContext ctx = new ReplayContext(info, registration.definition(), registration.options(), dataConverter,
        new MarkerIndex(history), deadlockDetectionMillis, localActivities);
    try {
      return call.apply(ctx, info, registration.definition());
    } finally {
      ctx.close();
    }
  }

  private Decision replay(ReplayContext ctx, RunInfo info, List<HistoryEvent> history, Instant now) {
    Deque<PendingCommand> toMatch = new ArrayDeque<>();
    boolean newEvents = false;
    boolean closed = false;
    long lastEventId = 0;
    long decisionEventId = 0;
    for (HistoryEvent event : history) {
      lastEventId = event.eventId();
      switch (event.attributes()) {
        case WorkflowExecutionStarted s -> {
          ctx.setHistoryLength(event.eventId());
          ctx.setRunStarted(event.timestamp());
          ctx.start();
          newEvents = true;
        }
        case EventAttributes.WorkflowTaskCompleted w -> {
          checkAllMatched(info, toMatch, event, decisionEventId);
          decisionEventId = event.eventId();
          ctx.setHistoryLength(event.eventId());
          try {
            toMatch = new ArrayDeque<>(ctx.runDecision(event.timestamp().toEpochMilli(), true));
          } catch (MissingMarker e) {
            throw nonDeterminism(info, decisionEventId, e.getMessage());
          }
          newEvents = false;
        }
        case CommandEvent recorded -> {
          PendingCommand issued = toMatch.poll();
          if (issued == null || !CommandMatcher.matches(issued.command, recorded)) {
            throw nonDeterminism(info, decisionEventId, "Event " + event.eventId() + " of type "
                + CommandMatcher.describe(recorded) + " does not match "
                + (issued == null ? "any command: the code issued no further command in this decision"
                    : "the command the code issued: " + CommandMatcher.describe(issued.command)));
          }
          issued.recorded(event.eventId());
          closed |= isClose(recorded);
        }
        case EventAttributes.WorkflowTaskFailed f -> { }
        default -> {
          checkAllMatched(info, toMatch, event, decisionEventId);
          newEvents |= EventApplier.apply(ctx, event, dataConverter);
          closed |= event.attributes() instanceof EventAttributes.WorkflowExecutionTerminated
              || event.attributes() instanceof EventAttributes.WorkflowExecutionTimedOut;
        }
      }
    }
    checkAllMatched(info, toMatch, null, decisionEventId);
    if (closed || !newEvents) {
      return Decision.nothingNew();
    }
    ctx.setHistoryLength(lastEventId + 1);
    List<PendingCommand> issued = ctx.runDecision(now.toEpochMilli(), false);
    List<CommandEvent> commands = new ArrayList<>(issued.size());
    long id = lastEventId + 2; // lastEventId + 1 is this decision's WorkflowTaskCompleted
    for (PendingCommand p : issued) {
      commands.add(p.command);
      p.recorded(id++);
    }
    return new Decision(true, commands);
  }

  private static boolean isClose(CommandEvent e) {
    return e instanceof EventAttributes.WorkflowExecutionCompleted || e instanceof EventAttributes.WorkflowExecutionFailed
        || e instanceof EventAttributes.WorkflowExecutionCanceled || e instanceof EventAttributes.WorkflowExecutionContinuedAsNew;
  }

  private static void checkAllMatched(RunInfo info, Deque<PendingCommand> toMatch, HistoryEvent next, long decisionEventId) {
    if (!toMatch.isEmpty()) {
      PendingCommand extra = toMatch.peek();
      throw nonDeterminism(info, decisionEventId, "The code issued " + CommandMatcher.describe(extra.command)
          + " in the decision of event " + decisionEventId + ", but history has "
          + (next == null ? "no further event" : "event " + next.eventId() + " of type " + next.eventType())
          + " there");
    }
  }

  private static NonDeterministicException nonDeterminism(RunInfo info, long decisionEventId, String detail) {
    String inner = "[TMPRL1100] " + detail + ". Workflow code changed in a way that is not compatible with"
        + " this run's history: guard the change with Workflow.getVersion, or deploy the previous code.";
    return new NonDeterministicException("Workflow task processing failure. startedEventId=" + decisionEventId
        + ", WorkflowId=" + info.workflowId() + ", RunId=" + info.runId() + ", WorkflowType=" + info.workflowType()
        + ", error=" + NonDeterministicException.class.getName() + ": " + inner);
  }

  /** No workflow implementation registered for the type a history names. */
  public static final class UnknownWorkflowTypeException extends RuntimeException {
    public UnknownWorkflowTypeException(String type, java.util.Collection<String> known) {
      super("Workflow type \"" + type + "\" is not registered with this worker; registered types: " + known);
    }
  }
}
