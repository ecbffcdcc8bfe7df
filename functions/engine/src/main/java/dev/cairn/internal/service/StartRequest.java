package dev.cairn.internal.service;

import dev.cairn.api.enums.v1.WorkflowIdConflictPolicy;
import dev.cairn.api.enums.v1.WorkflowIdReusePolicy;
import dev.cairn.common.converter.Payload;
import dev.cairn.common.converter.Payloads;
import java.time.Duration;
import java.util.Map;

/** What starting a run takes; built by the client, the HTTP API and schedules alike. */
public record StartRequest(
    String workflowId,
    String workflowType,
    String taskQueue,
    Payloads input,
    WorkflowIdReusePolicy reusePolicy,
    WorkflowIdConflictPolicy conflictPolicy,
    Duration executionTimeout,
    Duration runTimeout,
    Duration startDelay,
    String cronSchedule,
    Map<String, Payload> memo,
    Map<String, Object> searchAttributes,
    String signalName,
    Payloads signalInput) {}
