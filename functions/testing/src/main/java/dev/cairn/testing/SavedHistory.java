package dev.cairn.testing;

/**
 * One history to replay: where it came from (a file, or a run of a Cairn API), the workflow id and
 * run id the replay reports to workflow code (the run id null when unknown), and the JSON as
 * {@code GET /workflows/{id}/history} returns it.
 */
record SavedHistory(String source, String workflowId, String runId, String json) {
  /** A file name for {@code --save}: {@code <workflowId>_<runId>.json}, characters other than {@code [A-Za-z0-9._-]} as {@code _}. */
  String fileName() {
    String name = runId == null ? workflowId : workflowId + "_" + runId;
    return name.replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
  }
}
