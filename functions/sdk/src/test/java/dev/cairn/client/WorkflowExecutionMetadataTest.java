package dev.cairn.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.api.workflow.v1.PendingActivityInfo;
import dev.cairn.common.SearchAttributeKey;
import dev.cairn.common.SearchAttributes;
import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.GlobalDataConverter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowExecutionMetadataTest {
  private static final DataConverter CONVERTER = GlobalDataConverter.get();
  private static final WorkflowExecution RUN = WorkflowExecution.newBuilder().setWorkflowId("order-1").setRunId("r1").build();
  private static final Instant START = Instant.parse("2026-05-01T10:00:00Z");

  private static WorkflowExecutionMetadata metadata(Map<String, Object> memo, DataConverter converter) {
    var payloads = new java.util.LinkedHashMap<String, dev.cairn.common.converter.Payload>();
    memo.forEach((k, v) -> payloads.put(k, CONVERTER.toPayload(v).orElseThrow()));
    return new WorkflowExecutionMetadata(RUN, "OrderWorkflow", "orders", WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING,
        START, null, null, 4, null, payloads,
        SearchAttributes.newBuilder().set(SearchAttributeKey.forKeyword("CustomerId"), "c-1").build(), converter);
  }

  @Test
  void getMemo_shouldDecodeTheValueAsAsked_whenTheKeyIsSet() {
    WorkflowExecutionMetadata m = metadata(Map.of("owner", "ops", "limits", List.of(1, 2)), CONVERTER);

    assertEquals("ops", m.getMemo("owner", String.class));
    assertEquals(List.of(1, 2), m.getMemo("limits", List.class));
    assertNull(m.getMemo("absent", String.class));
  }

  @Test
  void getMemo_shouldExplainWhatIsMissing_whenMadeWithoutADataConverter() {
    WorkflowExecutionMetadata m = metadata(Map.of("owner", "ops"), null);

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.getMemo("owner", String.class));
    assertEquals("this metadata was made without a DataConverter to read memo owner", e.getMessage());
  }

  @Test
  void getExecutionTime_shouldBeTheStartTime_whenNoDelayWasGiven() {
    assertEquals(START, metadata(Map.of(), CONVERTER).getExecutionTime());
    assertEquals(START, new WorkflowExecutionMetadata(RUN, "OrderWorkflow", "orders",
        WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, START, null, 1).getExecutionTime());
  }

  @Test
  void description_shouldKeepTheMetadataAndItsPendingActivities_whenMadeFromMetadata() {
    WorkflowExecutionMetadata m = metadata(Map.of("owner", "ops"), CONVERTER);
    PendingActivityInfo pending = new PendingActivityInfo("5", "ChargeCard", 3, null, null, false, null);

    WorkflowExecutionDescription d = new WorkflowExecutionDescription(m, List.of(pending));

    assertEquals(RUN, d.getExecution());
    assertEquals("ops", d.getMemo("owner", String.class));
    assertEquals("c-1", d.getTypedSearchAttributes().get(SearchAttributeKey.forKeyword("CustomerId")));
    assertEquals(4, d.getHistoryLength());
    assertSame(pending, d.getPendingActivities().get(0));
    assertEquals(List.of(), new WorkflowExecutionDescription(m, null).getPendingActivities());
  }
}
