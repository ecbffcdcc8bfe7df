package dev.cairn.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.common.v1.WorkflowExecution;
import dev.cairn.api.enums.v1.WorkflowExecutionStatus;
import dev.cairn.api.failure.v1.Failure;
import dev.cairn.api.workflow.v1.PendingActivityInfo;
import dev.cairn.client.WorkflowExecutionDescription;
import dev.cairn.client.WorkflowExecutionMetadata;
import dev.cairn.common.SearchAttributeKey;
import dev.cairn.common.converter.DataConverter;
import dev.cairn.common.converter.GlobalDataConverter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpDescriptionsTest {
  private static final DataConverter CONVERTER = GlobalDataConverter.get();

  private static ObjectNode describeBody() throws Exception {
    return (ObjectNode) HttpApi.JSON.readTree("""
        {"workflowId": "label-1", "runId": "run-2", "workflowType": "LabelWorkflow", "taskQueue": "labels",
         "status": "RUNNING", "startTime": "2026-05-01T10:00:00Z", "executionTime": "2026-05-01T10:30:00Z",
         "historyLength": 11, "parentExecution": {"workflowId": "dispatch-1", "runId": "run-1"},
         "memo": {"owner": "logistics", "limits": {"parcels": 3}},
         "searchAttributes": {"CustomerId": "c-1", "Priority": 2, "Weight": 1.5, "Express": true,
                              "Tags": ["gift"], "DueAt": "2026-05-02T12:00:00Z"},
         "pendingActivities": [{"activityId": "5", "activityType": "PrintLabel", "attempt": 2,
                                "nextAttemptTime": "2026-05-01T11:00:00Z", "heartbeatDetails": 40}]}
        """);
  }

  @Test
  void metadata_shouldReadEveryVisibilityField_whenTheApiShowsThem() throws Exception {
    WorkflowExecutionMetadata m = HttpDescriptions.metadata(describeBody(), CONVERTER);

    assertEquals(WorkflowExecution.newBuilder().setWorkflowId("label-1").setRunId("run-2").build(), m.getExecution());
    assertEquals("LabelWorkflow", m.getWorkflowType());
    assertEquals("labels", m.getTaskQueue());
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, m.getStatus());
    assertEquals(Instant.parse("2026-05-01T10:00:00Z"), m.getStartTime());
    assertEquals(Instant.parse("2026-05-01T10:30:00Z"), m.getExecutionTime());
    assertNull(m.getCloseTime());
    assertEquals(11, m.getHistoryLength());
    assertEquals(WorkflowExecution.newBuilder().setWorkflowId("dispatch-1").setRunId("run-1").build(),
        m.getParentExecution());
    assertEquals("logistics", m.getMemo("owner", String.class));
    assertEquals(Map.of("parcels", 3), m.getMemo("limits", Map.class));
    assertNull(m.getMemo("absent", String.class));
  }

  @Test
  void metadata_shouldTypeSearchAttributesByTheirValues_whenReadFromJson() throws Exception {
    var attributes = HttpDescriptions.metadata(describeBody(), CONVERTER).getTypedSearchAttributes();

    assertEquals("c-1", attributes.get(SearchAttributeKey.forKeyword("CustomerId")));
    assertEquals(2L, attributes.get(SearchAttributeKey.forLong("Priority")));
    assertEquals(1.5, attributes.get(SearchAttributeKey.forDouble("Weight")));
    assertEquals(true, attributes.get(SearchAttributeKey.forBoolean("Express")));
    assertEquals(List.of("gift"), attributes.get(SearchAttributeKey.forKeywordList("Tags")));
    assertEquals(OffsetDateTime.parse("2026-05-02T12:00:00Z"), attributes.get(SearchAttributeKey.forOffsetDateTime("DueAt")));
  }

  @Test
  void metadata_shouldTakeTheStartTimeAsExecutionTimeAndHaveNoParent_whenTheApiShowsNeither() throws Exception {
    ObjectNode body = describeBody();
    body.remove(List.of("executionTime", "parentExecution", "memo", "searchAttributes"));
    body.put("status", "COMPLETED").put("closeTime", "2026-05-01T12:00:00Z");

    WorkflowExecutionMetadata m = HttpDescriptions.metadata(body, CONVERTER);

    assertEquals(m.getStartTime(), m.getExecutionTime());
    assertEquals(Instant.parse("2026-05-01T12:00:00Z"), m.getCloseTime());
    assertNull(m.getParentExecution());
    assertEquals(0, m.getTypedSearchAttributes().size());
    assertNull(m.getMemo("owner", String.class));
  }

  @Test
  void description_shouldReadPendingActivitiesWithAttemptFailureAndHeartbeat_whenAnActivityRetries() throws Exception {
    ObjectNode body = describeBody();
    Failure jammed = Failure.of("printer jammed", "JavaSDK", null, null,
        new Failure.ApplicationFailureInfo("java.lang.IllegalStateException", false, null, null));
    ((ObjectNode) body.get("pendingActivities").get(0)).set("lastFailure", HttpApi.JSON.valueToTree(jammed));

    WorkflowExecutionDescription d = HttpDescriptions.description(body, CONVERTER);

    assertEquals(1, d.getPendingActivities().size());
    PendingActivityInfo a = d.getPendingActivities().get(0);
    assertEquals("5", a.getActivityId());
    assertEquals("PrintLabel", a.getActivityType());
    assertEquals(2, a.getAttempt());
    assertEquals(jammed, a.getLastFailure());
    assertEquals(Instant.parse("2026-05-01T11:00:00Z"), a.getNextAttemptScheduleTime());
    assertFalse(a.isCancelRequested());
    assertTrue(a.hasHeartbeatDetails());
    assertEquals(40, CONVERTER.fromPayloads(0, java.util.Optional.of(a.getHeartbeatDetails()), Integer.class, Integer.class));
    assertEquals("label-1", d.getExecution().getWorkflowId(), "the description is the metadata too");
  }
}
