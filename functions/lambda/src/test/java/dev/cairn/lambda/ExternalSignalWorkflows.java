package dev.cairn.lambda;

import dev.cairn.workflow.SignalMethod;
import dev.cairn.workflow.Workflow;
import dev.cairn.workflow.WorkflowInterface;
import dev.cairn.workflow.WorkflowMethod;

/** A sender workflow that signals a recipient workflow by id, for the cross-run tasks of the decision function. */
final class ExternalSignalWorkflows {
  private ExternalSignalWorkflows() {}

  @WorkflowInterface
  public interface Recipient {
    @WorkflowMethod
    String receive(String ignored);

    @SignalMethod
    void deliver(String parcel);
  }

  public static class RecipientImpl implements Recipient {
    private String parcel;

    @Override
    public String receive(String ignored) {
      Workflow.await(() -> parcel != null);
      return parcel;
    }

    @Override
    public void deliver(String parcel) {
      this.parcel = parcel;
    }
  }

  @WorkflowInterface
  public interface Sender {
    @WorkflowMethod
    String send(String recipientId);
  }

  public static class SenderImpl implements Sender {
    @Override
    public String send(String recipientId) {
      Workflow.newExternalWorkflowStub(Recipient.class, recipientId).deliver("parcel for " + recipientId);
      return "sent";
    }
  }
}
