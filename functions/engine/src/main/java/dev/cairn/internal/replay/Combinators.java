package dev.cairn.internal.replay;

import dev.cairn.internal.sync.CompletablePromiseImpl;
import dev.cairn.internal.sync.DeterministicRunner;
import dev.cairn.workflow.Promise;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** {@code Promise.allOf} and {@code anyOf}, built on promise callbacks (no extra workflow threads). */
final class Combinators {
  private Combinators() {}

  /** Values in order once all complete; fails with the first failure as soon as it happens, as Temporal. */
  static <U> Promise<List<U>> allOf(DeterministicRunner runner, Collection<? extends Promise<U>> promises) {
    CompletablePromiseImpl<List<U>> all = new CompletablePromiseImpl<>(runner);
    List<Promise<U>> list = new ArrayList<>(promises);
    if (list.isEmpty()) {
      all.complete(List.of());
      return all;
    }
    int[] remaining = {list.size()};
    for (Promise<U> p : list) {
      p.handle((v, f) -> {
        if (f != null) {
          all.completeExceptionally(f);
        } else if (--remaining[0] == 0) {
          List<U> values = new ArrayList<>(list.size());
          for (Promise<U> q : list) {
            values.add(q.get());
          }
          all.complete(values);
        }
        return null;
      });
    }
    return all;
  }

  @SuppressWarnings("unchecked")
  static <V> Promise<V> anyOf(DeterministicRunner runner, Iterable<? extends Promise<? extends V>> promises) {
    CompletablePromiseImpl<V> any = new CompletablePromiseImpl<>(runner);
    for (Promise<? extends V> p : promises) {
      ((Promise<V>) p).handle((v, f) -> {
        if (f != null) {
          any.completeExceptionally(f);
        } else {
          any.complete(v);
        }
        return null;
      });
    }
    return any;
  }
}
