package dev.cairn.samples.hello;

import dev.cairn.workflow.QueryMethod;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * Signals: a roll call waits until the expected number of people have answered, each answer a
 * signal, and returns who answered in the order the signals arrived. A query reads the tally so far.
 */
public final class HelloSignal {
  private HelloSignal() {}

  @WorkflowInterface
  public interface RollCallWorkflow {
    /** Waits for {@code expected} answers; returns the names in arrival order. */
    @WorkflowMethod
    List<String> rollCall(int expected);

    @SignalMethod
    void answer(String name);

    /** How many have answered so far. */
    @QueryMethod
    int answered();
  }

  public static class RollCallWorkflowImpl implements RollCallWorkflow {
    private final List<String> names = new ArrayList<>();

    @Override
    public List<String> rollCall(int expected) {
      Workflow.await(() -> names.size() >= expected);
      return names;
    }

    @Override
    public void answer(String name) {
      names.add(name);
    }

    @Override
    public int answered() {
      return names.size();
    }
  }
}
