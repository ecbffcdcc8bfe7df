package dev.cairn.internal.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.internal.aws.LoopbackS3;
import dev.cairn.internal.aws.s3.S3EventBlobs;
import dev.cairn.internal.history.EventAttributes;
import dev.cairn.internal.history.HistoryEvent;
import dev.cairn.internal.store.Commit;
import dev.cairn.internal.store.ExecutionRecord;
import dev.cairn.internal.store.HistoryStore;
import dev.cairn.internal.store.HistoryStoreContract;
import dev.cairn.internal.store.PayloadTooLargeException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB store with the payload bucket: the whole contract again, where events over 64 KB go to
 * S3 (s3proxy here) by reference and come back whole, and only events over the maximum are refused.
 */
@ExtendWith(MotoServer.class)
class DynamoDbHistoryStoreWithS3EventsTest extends HistoryStoreContract {
  private static LoopbackS3 s3;
  private static String bucket;
  private DynamoDbClient dynamo;
  private String table;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = new LoopbackS3(Files.createTempDirectory("cairn-s3-events"));
    bucket = s3.createBucket("cairn-events");
  }

  @AfterAll
  static void stopS3() throws Exception {
    if (s3 != null) {
      s3.close();
    }
  }

  @Override
  protected HistoryStore newStore(Clock clock) {
    dynamo = MotoServer.newClient();
    table = TestTables.create(dynamo);
    return new DynamoDbHistoryStore(dynamo, table, clock, DynamoDbStoreSettings.defaults(),
        new S3EventBlobs(s3.client(), bucket, S3EventBlobs.DEFAULT_THRESHOLD, 2 * 1024 * 1024));
  }

  @Override
  protected void closeStore(HistoryStore store) {
    if (dynamo != null) {
      TestTables.delete(dynamo, table);
      dynamo.close();
    }
  }

  @Test
  void commit_shouldKeepA600KbEventWholeThroughS3_whenItemsCannotHoldIt() {
    Commit.NewRun run = newRun("wf-600k", "OrderWorkflow");
    store.create(run, null);
    ExecutionRecord v1 = run.record();
    HistoryEvent big = new HistoryEvent(2, clock.instant(), new EventAttributes.WorkflowExecutionSignaled("blob",
        payload("y".repeat(600_000)), null));

    store.commit(new Commit(v1.version(), v1.next(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, null, 2,
        v1.state()), List.of(big), List.of(), null));

    assertEquals(big, store.readHistory(v1.key(), 2, 1).get(0));
    assertTrue(s3.client().listObjectsV2(b -> b.bucket(bucket).prefix("history/")).keyCount() >= 1, "the event is an S3 object");
  }

  @Test
  void commit_shouldRefuseWholeAndChangeNothing_whenEventIsOverTheMaximum() {
    Commit.NewRun run = newRun("wf-3m", "OrderWorkflow");
    store.create(run, null);
    ExecutionRecord v1 = run.record();
    HistoryEvent huge = new HistoryEvent(2, clock.instant(), new EventAttributes.WorkflowExecutionSignaled("blob",
        payload("z".repeat(3_000_000)), null));

    PayloadTooLargeException e = assertThrows(PayloadTooLargeException.class, () -> store.commit(new Commit(v1.version(),
        v1.next(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, null, 2, v1.state()), List.of(huge), List.of(), null)));
    assertTrue(e.getMessage().contains("over the limit of 2097152"), e.getMessage());
    assertEquals(v1, store.get(v1.key()).orElseThrow());
  }
}
