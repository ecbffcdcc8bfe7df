package dev.cairn.samples.ported;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.cairn.activity.Activity;
import dev.cairn.activity.ActivityExecutionContext;
import dev.cairn.activity.ActivityInterface;
import dev.cairn.failure.ActivityFailure;
import dev.cairn.failure.ApplicationFailure;
import dev.cairn.testing.TestActivityEnvironment;
import dev.cairn.testing.TestActivityExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An activity tested alone with TestActivityExtension: its stub injected, its collaborator a Mockito mock. */
class TestActivityHarnessExtensionTest {
  /** Not an activity: the printer the activity drives, mocked in the test. */
  public interface LabelPrinter {
    String print(String address);
  }

  @ActivityInterface
  public interface ShippingActivities {
    String printLabel(String address);
  }

  public static class ShippingActivitiesImpl implements ShippingActivities {
    private final LabelPrinter printer;

    public ShippingActivitiesImpl(LabelPrinter printer) {
      this.printer = printer;
    }

    @Override
    public String printLabel(String address) {
      ActivityExecutionContext context = Activity.getExecutionContext();
      context.heartbeat("printing " + address);
      return printer.print(address) + " (" + context.getInfo().getActivityType() + ", attempt "
          + context.getInfo().getAttempt() + ")";
    }
  }

  static final LabelPrinter printer = mock(LabelPrinter.class);

  @RegisterExtension
  static final TestActivityExtension activityExtension = TestActivityExtension.newBuilder()
      .setActivityImplementations(new ShippingActivitiesImpl(printer))
      .build();

  @AfterEach
  void forgetCalls() {
    reset(printer);
  }

  @Test
  void printLabel_shouldRunTheImplementation_whenCalledThroughTheInjectedStub(ShippingActivities shipping) {
    when(printer.print("1 Main St")).thenReturn("LABEL-1");

    assertEquals("LABEL-1 (PrintLabel, attempt 1)", shipping.printLabel("1 Main St"));

    verify(printer).print("1 Main St");
  }

  @Test
  void printLabel_shouldHeartbeatToTheEnvironment_whenAListenerIsSet(TestActivityEnvironment testEnv,
      ShippingActivities shipping) {
    List<String> heartbeats = new CopyOnWriteArrayList<>();
    testEnv.setActivityHeartbeatListener(String.class, heartbeats::add);
    when(printer.print(anyString())).thenReturn("LABEL-2");

    shipping.printLabel("2 Side St");

    assertEquals(List.of("printing 2 Side St"), heartbeats);
  }

  @Test
  void printLabel_shouldFailWithActivityFailure_whenThePrinterThrows(ShippingActivities shipping) {
    when(printer.print(anyString())).thenThrow(new IllegalStateException("out of paper"));

    ActivityFailure failure = assertThrows(ActivityFailure.class, () -> shipping.printLabel("3 Any St"));

    ApplicationFailure cause = assertInstanceOf(ApplicationFailure.class, failure.getCause());
    assertEquals(IllegalStateException.class.getName(), cause.getType());
    assertEquals("out of paper", cause.getOriginalMessage());
  }
}
