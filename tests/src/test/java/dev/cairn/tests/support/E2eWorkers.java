package dev.cairn.tests.support;

import dev.cairn.samples.SampleWorkers;
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

/**
 * The workers class (what CAIRN_WORKERS names) of the end-to-end stacks: the samples, as
 * {@link SampleWorkers} registers them, except that booking a flight is sold out, so a trip booking
 * compensates; plus the test-only workflows {@link HeartbeatingJob}, {@link CancellableTrip},
 * {@link AsyncPayment}, {@link TickingWorkflows}, {@link TrackedOrder} and {@link Stockroom}.
 */
public final class E2eWorkers {
  public static final String TASK_QUEUE = SampleWorkers.TASK_QUEUE;
  /** The trip step whose booking fails. */
  public static final String SOLD_OUT_STEP = "flight";

  private E2eWorkers() {}

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
        HeartbeatingJob.HeartbeatingJobWorkflowImpl.class,
        CancellableTrip.CancellableTripWorkflowImpl.class,
        AsyncPayment.PaymentWorkflowImpl.class,
        TickingWorkflows.TickingWorkflowImpl.class,
        HelloLocalActivity.LocalGreetingWorkflowImpl.class,
        TrackedOrder.TrackedOrderWorkflowImpl.class,
        Stockroom.StockroomWorkflowImpl.class,
        Stockroom.RestockWorkflowImpl.class,
        Stockroom.ShutStockroomWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new HelloActivity.GreetingActivitiesImpl(),
        new HelloParallelActivity.ParallelGreetingActivitiesImpl(),
        new HelloSaga.TripBookingActivitiesImpl(SOLD_OUT_STEP),
        new HelloActivityRetry.RetryGreetingActivitiesImpl(),
        new HelloSequence.OrderActivitiesImpl(),
        new HelloTimer.ReminderActivitiesImpl(),
        new HelloQuery.ReportActivitiesImpl(),
        new HelloUpdate.GuestbookActivitiesImpl(),
        new HeartbeatingJob.JobActivitiesImpl(),
        new AsyncPayment.PaymentActivitiesImpl(),
        new TickingWorkflows.TickActivitiesImpl(),
        new HelloLocalActivity.LocalGreetingActivitiesImpl());
  }
}
