package dev.cairn.internal.replay;

import dev.cairn.activity.ActivityOptions;
import dev.cairn.activity.LocalActivityOptions;
import dev.cairn.internal.definition.WorkflowDefinition;
import dev.cairn.workflow.ChildWorkflowOptions;
import dev.cairn.workflow.ContinueAsNewOptions;
import java.lang.reflect.Proxy;
import java.util.Map;

/** The typed proxies workflow code calls activities, child and other workflows, and continue-as-new through. */
final class WorkflowStubs {
  private final ReplayContext ctx;

  WorkflowStubs(ReplayContext ctx) {
    this.ctx = ctx;
  }

  @SuppressWarnings("unchecked")
  <T> T activityStub(Class<T> activityInterface, ActivityOptions options, Map<String, ActivityOptions> perMethod) {
    if (!activityInterface.isInterface()) {
      throw new IllegalArgumentException(activityInterface.getName() + " is not an interface");
    }
    return (T) Proxy.newProxyInstance(activityInterface.getClassLoader(), new Class<?>[] {activityInterface},
        new ActivityStubHandler(ctx, activityInterface, options, perMethod));
  }

  @SuppressWarnings("unchecked")
  <T> T localActivityStub(Class<T> activityInterface, LocalActivityOptions options, Map<String, LocalActivityOptions> perMethod) {
    if (!activityInterface.isInterface()) {
      throw new IllegalArgumentException(activityInterface.getName() + " is not an interface");
    }
    return (T) Proxy.newProxyInstance(activityInterface.getClassLoader(), new Class<?>[] {activityInterface},
        new LocalActivityStubHandler(ctx, activityInterface, options, perMethod));
  }

  @SuppressWarnings("unchecked")
  <T> T childWorkflowStub(Class<T> workflowInterface, ChildWorkflowOptions options) {
    if (!workflowInterface.isInterface()) {
      throw new IllegalArgumentException(workflowInterface.getName() + " is not an interface");
    }
    ChildWorkflowStubImpl untyped = new ChildWorkflowStubImpl(ctx, WorkflowDefinition.workflowTypeOf(workflowInterface), options);
    return (T) Proxy.newProxyInstance(workflowInterface.getClassLoader(), new Class<?>[] {workflowInterface},
        new ChildWorkflowStubHandler(ctx, workflowInterface, untyped));
  }

  @SuppressWarnings("unchecked")
  <T> T externalWorkflowStub(Class<T> workflowInterface, String workflowId, String runId) {
    if (!workflowInterface.isInterface()) {
      throw new IllegalArgumentException(workflowInterface.getName() + " is not an interface");
    }
    ExternalWorkflowStubImpl untyped = ctx.newUntypedExternalWorkflowStub(workflowId, runId);
    return (T) Proxy.newProxyInstance(workflowInterface.getClassLoader(), new Class<?>[] {workflowInterface},
        new ExternalWorkflowStubHandler(workflowInterface, untyped));
  }

  @SuppressWarnings("unchecked")
  <T> T continueAsNewStub(Class<T> workflowInterface, ContinueAsNewOptions options) {
    return (T) Proxy.newProxyInstance(workflowInterface.getClassLoader(), new Class<?>[] {workflowInterface},
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return method.getName().equals("toString") ? "ContinueAsNewStub" : null;
          }
          ctx.continueAsNew(WorkflowDefinition.workflowTypeOf(workflowInterface), options, args == null ? new Object[0] : args);
          return null;
        });
  }
}
