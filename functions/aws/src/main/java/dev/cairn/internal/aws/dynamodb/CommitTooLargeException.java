package dev.cairn.internal.aws.dynamodb;

/**
 * A commit needs more items than one DynamoDB transaction takes (100). It is refused whole: splitting
 * it would break invariant 1 (one conditional change per commit). Nothing was written.
 */
public final class CommitTooLargeException extends IllegalArgumentException {
  public CommitTooLargeException(String what, int items) {
    super(what + " needs " + items + " DynamoDB items, over the limit of " + ItemSize.MAX_TRANSACTION_ITEMS
        + " items in one transaction; it was refused, nothing was written (fewer tasks per decision fit)");
  }
}
