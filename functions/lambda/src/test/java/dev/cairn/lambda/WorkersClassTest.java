package dev.cairn.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.internal.worker.WorkerRegistry;
import dev.cairn.samples.SampleWorkers;
import dev.cairn.worker.Worker;
import org.junit.jupiter.api.Test;

class WorkersClassTest {
  /** Declares no TASK_QUEUE: served on "default". */
  public static final class PaymentsOnDefaultQueue {
    public static void register(Worker worker) {
      worker.registerWorkflowImplementationTypes(PaymentWorkflows.PaymentImpl.class);
      worker.registerActivitiesImplementations(new PaymentWorkflows.ScriptedCharges());
    }
  }

  @Test
  void named_shouldRegisterOnTheDeclaredTaskQueue_whenTheClassHasATaskQueueField() {
    WorkersClass workers = WorkersClass.named(SampleWorkers.class.getName());
    WorkerRegistry registry = new WorkerRegistry();
    workers.registerOn(registry);

    assertEquals(SampleWorkers.TASK_QUEUE, workers.taskQueue());
    assertTrue(registry.servesActivityQueue(SampleWorkers.TASK_QUEUE));
  }

  @Test
  void named_shouldUseTheDefaultTaskQueue_whenTheClassDeclaresNone() {
    WorkersClass workers = WorkersClass.named(PaymentsOnDefaultQueue.class.getName());
    WorkerRegistry registry = new WorkerRegistry();
    workers.registerOn(registry);

    assertEquals("default", workers.taskQueue());
    assertTrue(registry.activity("default", "Charge").isPresent());
  }

  @Test
  void named_shouldFailClearly_whenTheClassIsMissingOrHasNoRegisterMethod() {
    IllegalStateException missing = assertThrows(IllegalStateException.class, () -> WorkersClass.named("com.example.Nope"));
    assertTrue(missing.getMessage().contains("not in the function's jar"), missing.getMessage());
    IllegalStateException noMethod = assertThrows(IllegalStateException.class, () -> WorkersClass.named(String.class.getName()));
    assertTrue(noMethod.getMessage().contains("register(dev.cairn.worker.Worker)"), noMethod.getMessage());
  }
}
