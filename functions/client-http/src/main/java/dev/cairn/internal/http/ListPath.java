package dev.cairn.internal.http;

import dev.cairn.internal.client.VisibilityQuery;

/**
 * A visibility query as {@code GET /workflows} parameters: status (the API's short name), workflowType,
 * and each search attribute by its own name. WorkflowId has no parameter; the client matches it.
 */
final class ListPath {
  private ListPath() {}

  static String of(VisibilityQuery q, int pageSize, String nextPageToken) {
    StringBuilder path = new StringBuilder("/workflows?pageSize=").append(pageSize);
    if (q.status() != null) {
      path.append("&status=").append(q.status().shortName());
    }
    if (q.workflowType() != null) {
      path.append("&workflowType=").append(HttpApi.segment(q.workflowType()));
    }
    if (q.searchAttributes() != null) {
      q.searchAttributes().forEach((name, value) ->
          path.append('&').append(HttpApi.segment(name)).append('=').append(HttpApi.segment(String.valueOf(value))));
    }
    if (nextPageToken != null) {
      path.append("&nextPageToken=").append(HttpApi.segment(nextPageToken));
    }
    return path.toString();
  }
}
