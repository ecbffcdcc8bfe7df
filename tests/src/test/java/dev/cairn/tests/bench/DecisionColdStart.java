package dev.cairn.tests.bench;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.cairn.internal.service.StartRequest;
import dev.cairn.internal.store.InMemoryHistoryStore;
import dev.cairn.internal.store.OutboxTask;
import dev.cairn.internal.store.StoreJson;
import dev.cairn.lambda.CairnRuntime;
import dev.cairn.lambda.DecisionHandler;
import dev.cairn.samples.SampleWorkers;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cold start of the decision handler, run in a fresh JVM: builds a CairnRuntime on the in-memory
 * store with the samples' workers, hands DecisionHandler one SQS event (an OrderWorkflow's first
 * decision) and prints {@code cold-start-ms=N}, the time from JVM start to the handled event.
 */
public final class DecisionColdStart {
  private DecisionColdStart() {}

  public static void main(String[] args) {
    List<OutboxTask> sent = new ArrayList<>();
    CairnRuntime runtime = CairnRuntime.newBuilder()
        .setStore(new InMemoryHistoryStore(Clock.systemUTC()))
        .setDispatcher(tasks -> { synchronized (sent) { sent.addAll(tasks); } })
        .registerWorkersClass(SampleWorkers.class.getName())
        .build();
    runtime.service().start(new StartRequest("cold-1", "OrderWorkflow", SampleWorkers.TASK_QUEUE,
        dev.cairn.common.converter.GlobalDataConverter.get().toPayloads("order-1").orElseThrow(),
        null, null, null, null, null, null, null, null, null, null));
    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setMessageId("m-1");
    message.setBody(StoreJson.taskToJson(sent.get(0)));
    message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
    message.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:DecisionQueue");
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(message));

    var response = new DecisionHandler(runtime).handleRequest(event, null);

    long elapsed = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    if (!response.getBatchItemFailures().isEmpty() || sent.size() < 2) {
      System.out.println("cold-start-failed " + response.getBatchItemFailures() + " sent=" + sent);
      System.exit(1);
    }
    System.out.println("cold-start-ms=" + elapsed);
  }
}
