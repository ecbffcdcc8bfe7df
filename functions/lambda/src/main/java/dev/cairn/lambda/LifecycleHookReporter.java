package dev.cairn.lambda;

/**
 * Tells CodeDeploy how a lifecycle hook ended: {@code PutLifecycleEventHookExecutionStatus} in
 * production ({@link CodeDeployLifecycleHookReporter}); tests record the call instead.
 */
public interface LifecycleHookReporter {
  /** The statuses a hook reports; CodeDeploy rolls the deployment back on {@link #Failed}. */
  enum Status { Succeeded, Failed }

  /** @throws RuntimeException when the status could not be delivered (Lambda then retries the hook) */
  void report(String deploymentId, String lifecycleEventHookExecutionId, Status status);
}
