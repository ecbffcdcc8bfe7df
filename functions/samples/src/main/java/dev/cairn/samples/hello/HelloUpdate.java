package dev.cairn.samples.hello;

import dev.cairn.activity.ActivityInterface;
import dev.cairn.activity.ActivityOptions;
import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.UpdateMethod;
import dev.cairn.workflow.UpdateValidatorMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Updates: guests sign a guestbook by update; the handler greets each through an activity and
 * returns how many have signed. The validator turns away blank names before anything is recorded.
 * A signal closes the book, and the workflow returns the greetings.
 */
public final class HelloUpdate {
  private HelloUpdate() {}

  @WorkflowInterface
  public interface GuestbookWorkflow {
    @WorkflowMethod
    List<String> keepGuestbook();

    /** Signs the book; returns the number of guests so far. */
    @UpdateMethod
    int sign(String name);

    @UpdateValidatorMethod(updateName = "sign")
    void validateSign(String name);

    @SignalMethod
    void close();
  }

  @ActivityInterface
  public interface GuestbookActivities {
    String greet(String name);
  }

  public static class GuestbookWorkflowImpl implements GuestbookWorkflow {
    private final GuestbookActivities activities = Workflow.newActivityStub(GuestbookActivities.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
    private final List<String> greetings = new ArrayList<>();
    private boolean closed;

    @Override
    public List<String> keepGuestbook() {
      Workflow.await(() -> closed);
      return greetings;
    }

    @Override
    public int sign(String name) {
      greetings.add(activities.greet(name));
      return greetings.size();
    }

    @Override
    public void validateSign(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a guest needs a name");
      }
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  public static class GuestbookActivitiesImpl implements GuestbookActivities {
    @Override
    public String greet(String name) {
      return "Welcome, " + name + "!";
    }
  }
}
