package dev.cairn.internal.replay;

/**
 * {@code Workflow.getVersion} found a version outside the code's supported range. An {@code Error},
 * as Temporal's {@code UnsupportedVersion}, so a user's {@code catch (Exception e)} cannot swallow it:
 * the decision fails and the run waits, open, for code that supports its version.
 */
public final class UnsupportedVersion extends Error {
  UnsupportedVersion(String changeId, int version, int minSupported, int maxSupported) {
    super("Version " + version + " of changeId " + changeId + " is not supported. Supported version is between "
        + minSupported + " and " + maxSupported + ".");
  }
}
