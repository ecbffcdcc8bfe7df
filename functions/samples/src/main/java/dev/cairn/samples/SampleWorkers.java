package dev.cairn.samples;

import dev.cairn.samples.hello.HelloActivity;
import dev.cairn.samples.hello.HelloActivityRetry;
import dev.cairn.samples.hello.HelloChild;
import dev.cairn.samples.hello.HelloContinueAsNew;
import dev.cairn.samples.hello.HelloLocalActivity;
import dev.cairn.samples.hello.HelloParallelActivity;
import dev.cairn.samples.hello.HelloQuery;
import dev.cairn.samples.hello.HelloSaga;
import dev.cairn.samples.hello.HelloSequence;
import dev.cairn.samples.hello.HelloSignal;
import dev.cairn.samples.hello.HelloTimer;
import dev.cairn.samples.hello.HelloUpdate;
import dev.cairn.worker.Worker;

/** Registers every sample workflow and its activities on a worker, for runtimes that serve the samples. */
public final class SampleWorkers {
  /** The task queue the samples are served on. */
  public static final String TASK_QUEUE = "samples";

  private SampleWorkers() {}

  /** Registers the hello samples' workflow types and fresh activity objects on {@code worker}. */
  public static void register(Worker worker) {
    worker.registerWorkflowImplementationTypes(
        HelloActivity.GreetingWorkflowImpl.class,
        HelloParallelActivity.MultiGreetingWorkflowImpl.class,
        HelloSaga.TripBookingWorkflowImpl.class,
        HelloActivityRetry.RetryGreetingWorkflowImpl.class,
        HelloSequence.OrderWorkflowImpl.class,
        HelloTimer.ReminderWorkflowImpl.class,
        HelloChild.ParentGreetingWorkflowImpl.class,
        HelloChild.GreetingChildImpl.class,
        HelloContinueAsNew.BatchSumWorkflowImpl.class,
        HelloSignal.RollCallWorkflowImpl.class,
        HelloQuery.ReportWorkflowImpl.class,
        HelloUpdate.GuestbookWorkflowImpl.class,
        HelloLocalActivity.LocalGreetingWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new HelloActivity.GreetingActivitiesImpl(),
        new HelloParallelActivity.ParallelGreetingActivitiesImpl(),
        new HelloSaga.TripBookingActivitiesImpl(),
        new HelloActivityRetry.RetryGreetingActivitiesImpl(),
        new HelloSequence.OrderActivitiesImpl(),
        new HelloTimer.ReminderActivitiesImpl(),
        new HelloQuery.ReportActivitiesImpl(),
        new HelloUpdate.GuestbookActivitiesImpl(),
        new HelloLocalActivity.LocalGreetingActivitiesImpl());
  }
}
