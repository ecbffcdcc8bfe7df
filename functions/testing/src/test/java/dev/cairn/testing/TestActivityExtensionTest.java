package dev.cairn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.activity.Activity;
import dev.cairn.activity.ActivityExecutionContext;
import dev.cairn.activity.ActivityInfo;
import dev.cairn.activity.ActivityInterface;
import dev.cairn.failure.ActivityFailure;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.failure.CanceledFailure;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Activities tested alone, as with Temporal's TestActivityExtension. */
class TestActivityExtensionTest {
  @ActivityInterface
  public interface FileActivities {
    String describe(String file);

    int copy(int chunks);

    String read(String path);
  }

  public static class FileActivitiesImpl implements FileActivities {
    @Override
    public String describe(String file) {
      ActivityInfo info = Activity.getExecutionContext().getInfo();
      return info.getActivityType() + " of " + file + " for " + info.getWorkflowId() + ", attempt " + info.getAttempt();
    }

    @Override
    public int copy(int chunks) {
      ActivityExecutionContext context = Activity.getExecutionContext();
      int done = context.getHeartbeatDetails(Integer.class).orElse(0);
      while (done < chunks) {
        done++;
        context.heartbeat(done);
      }
      return done;
    }

    @Override
    public String read(String path) {
      try {
        throw new IOException("no such file: " + path);
      } catch (IOException e) {
        throw Activity.wrap(e);
      }
    }
  }

  @RegisterExtension
  static final TestActivityExtension activityExtension = TestActivityExtension.newBuilder()
      .setActivityImplementations(new FileActivitiesImpl())
      .build();

  @Test
  void describe_shouldSeeActivityInfo_whenRunThroughInjectedStub(FileActivities activities) {
    assertEquals("Describe of a.txt for test-workflow-id, attempt 1", activities.describe("a.txt"));
  }

  @Test
  void copy_shouldReportEveryHeartbeat_whenListenerSet(TestActivityEnvironment testEnv, FileActivities activities) {
    List<Integer> heartbeats = new CopyOnWriteArrayList<>();
    testEnv.setActivityHeartbeatListener(Integer.class, heartbeats::add);

    assertEquals(3, activities.copy(3));
    assertEquals(List.of(1, 2, 3), heartbeats);
  }

  @Test
  void copy_shouldResumeFromHeartbeatDetails_whenPreviousAttemptLeftSome(TestActivityEnvironment testEnv,
      FileActivities activities) {
    List<Integer> heartbeats = new CopyOnWriteArrayList<>();
    testEnv.setActivityHeartbeatListener(Integer.class, heartbeats::add);
    testEnv.setHeartbeatDetails(2);

    assertEquals(4, activities.copy(4));
    assertEquals(List.of(3, 4), heartbeats);
  }

  @Test
  void copy_shouldFailWithCanceledFailure_whenCancelRequested(TestActivityEnvironment testEnv, FileActivities activities) {
    testEnv.requestCancelActivity();

    ActivityFailure failure = assertThrows(ActivityFailure.class, () -> activities.copy(5));

    assertInstanceOf(CanceledFailure.class, failure.getCause());
  }

  @Test
  void read_shouldFailWithOriginalExceptionType_whenCheckedExceptionWrapped(FileActivities activities) {
    ActivityFailure failure = assertThrows(ActivityFailure.class, () -> activities.read("/missing"));

    ApplicationFailure cause = assertInstanceOf(ApplicationFailure.class, failure.getCause());
    assertEquals(IOException.class.getName(), cause.getType());
    assertEquals("no such file: /missing", cause.getOriginalMessage());
    assertEquals("Read", failure.getActivityType());
  }
}
