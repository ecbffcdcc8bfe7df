package dev.cairn.activity;

import static org.junit.jupiter.api.Assertions.*;

import dev.cairn.internal.activity.CurrentActivity;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActivityTest {

  @Test
  void getExecutionContext_shouldThrow_whenNotInActivity() {
    IllegalStateException e = assertThrows(IllegalStateException.class, Activity::getExecutionContext);
    assertEquals("Activity.getExecutionContext() may be called only from activity code", e.getMessage());
  }

  @Test
  void getExecutionContext_shouldReturnContext_whenSetAndFailAfterClear() {
    ActivityExecutionContext ctx = new StubContext();
    CurrentActivity.set(ctx);
    try {
      assertSame(ctx, Activity.getExecutionContext());
    } finally {
      CurrentActivity.clear();
    }
    assertThrows(IllegalStateException.class, Activity::getExecutionContext);
  }

  @Test
  void wrap_shouldReturnRuntimeAsIsAndWrapChecked_whenCalled() {
    IllegalArgumentException runtime = new IllegalArgumentException("x");
    assertSame(runtime, Activity.wrap(runtime));
    IOException checked = new IOException("disk");
    RuntimeException wrapped = Activity.wrap(checked);
    assertSame(checked, wrapped.getCause());
    assertThrows(AssertionError.class, () -> Activity.wrap(new AssertionError("boom")));
  }

  private static final class StubContext implements ActivityExecutionContext {
    @Override
    public ActivityInfo getInfo() {
      return null;
    }

    @Override
    public <V> void heartbeat(V details) {}

    @Override
    public <V> Optional<V> getHeartbeatDetails(Class<V> detailsClass) {
      return Optional.empty();
    }

    @Override
    public <V> Optional<V> getHeartbeatDetails(Class<V> detailsClass, Type detailsGenericType) {
      return Optional.empty();
    }

    @Override
    public byte[] getTaskToken() {
      return new byte[0];
    }

    @Override
    public void doNotCompleteOnReturn() {}

    @Override
    public boolean isDoNotCompleteOnReturn() {
      return false;
    }
  }
}
