package dev.cairn.workflow;

import java.util.ArrayList;
import java.util.List;

/**
 * Records compensations as a workflow makes progress and runs them on failure: in reverse order by
 * default, or all at once with {@code setParallelCompensation(true)}.
 */
public final class Saga {
  private final Options options;
  private final List<Functions.Func<Promise<?>>> compensations = new ArrayList<>();

  public Saga(Options options) {
    this.options = options;
  }

  /** Runs the compensations added so far; throws {@link CompensationException} if any fails. */
  public void compensate() {
    CompensationException failure = null;
    if (options.isParallelCompensation()) {
      List<Promise<?>> running = new ArrayList<>();
      for (Functions.Func<Promise<?>> c : compensations) {
        running.add(c.apply());
      }
      for (Promise<?> p : running) {
        try {
          p.get();
        } catch (RuntimeException e) {
          failure = accumulate(failure, e);
        }
      }
    } else {
      for (int i = compensations.size() - 1; i >= 0; i--) {
        try {
          compensations.get(i).apply().get();
        } catch (RuntimeException e) {
          failure = accumulate(failure, e);
          if (!options.isContinueWithError()) {
            throw failure;
          }
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static CompensationException accumulate(CompensationException failure, RuntimeException e) {
    if (failure == null) {
      return new CompensationException(e);
    }
    failure.addSuppressed(e);
    return failure;
  }

  private void add(Functions.Func<Promise<?>> compensation) {
    compensations.add(compensation);
  }

  public void addCompensation(Functions.Proc operation) {
    add(() -> Async.procedure(operation));
  }

  public <A1> void addCompensation(Functions.Proc1<A1> operation, A1 a1) {
    add(() -> Async.procedure(operation, a1));
  }

  public <A1, A2> void addCompensation(Functions.Proc2<A1, A2> operation, A1 a1, A2 a2) {
    add(() -> Async.procedure(operation, a1, a2));
  }

  public <A1, A2, A3> void addCompensation(Functions.Proc3<A1, A2, A3> operation, A1 a1, A2 a2, A3 a3) {
    add(() -> Async.procedure(operation, a1, a2, a3));
  }

  public <A1, A2, A3, A4> void addCompensation(
      Functions.Proc4<A1, A2, A3, A4> operation, A1 a1, A2 a2, A3 a3, A4 a4) {
    add(() -> Async.procedure(operation, a1, a2, a3, a4));
  }

  public <A1, A2, A3, A4, A5> void addCompensation(
      Functions.Proc5<A1, A2, A3, A4, A5> operation, A1 a1, A2 a2, A3 a3, A4 a4, A5 a5) {
    add(() -> Async.procedure(operation, a1, a2, a3, a4, a5));
  }

  public <A1, A2, A3, A4, A5, A6> void addCompensation(
      Functions.Proc6<A1, A2, A3, A4, A5, A6> operation, A1 a1, A2 a2, A3 a3, A4 a4, A5 a5, A6 a6) {
    add(() -> Async.procedure(operation, a1, a2, a3, a4, a5, a6));
  }

  public <R> void addCompensation(Functions.Func<R> operation) {
    add(() -> Async.function(operation));
  }

  public <A1, R> void addCompensation(Functions.Func1<A1, R> operation, A1 a1) {
    add(() -> Async.function(operation, a1));
  }

  public <A1, A2, R> void addCompensation(Functions.Func2<A1, A2, R> operation, A1 a1, A2 a2) {
    add(() -> Async.function(operation, a1, a2));
  }

  public <A1, A2, A3, R> void addCompensation(Functions.Func3<A1, A2, A3, R> operation, A1 a1, A2 a2, A3 a3) {
    add(() -> Async.function(operation, a1, a2, a3));
  }

  /** Saga behaviour: parallel or reverse-sequential, stop or continue after a failed compensation. */
  public static final class Options {
    private final boolean parallelCompensation;
    private final boolean continueWithError;

    private Options(boolean parallelCompensation, boolean continueWithError) {
      this.parallelCompensation = parallelCompensation;
      this.continueWithError = continueWithError;
    }

    public boolean isParallelCompensation() {
      return parallelCompensation;
    }

    public boolean isContinueWithError() {
      return continueWithError;
    }

    public static final class Builder {
      private boolean parallelCompensation;
      private boolean continueWithError;

      public Builder setParallelCompensation(boolean parallelCompensation) {
        this.parallelCompensation = parallelCompensation;
        return this;
      }

      public Builder setContinueWithError(boolean continueWithError) {
        this.continueWithError = continueWithError;
        return this;
      }

      public Options build() {
        return new Options(parallelCompensation, continueWithError);
      }
    }
  }

  /** Thrown by {@link #compensate()}; the first failure is the cause, the others are suppressed. */
  public static class CompensationException extends RuntimeException {
    public CompensationException(Throwable cause) {
      super("Exception from saga compensate", cause);
    }
  }
}
