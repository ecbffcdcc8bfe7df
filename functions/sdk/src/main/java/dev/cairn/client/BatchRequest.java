package dev.cairn.client;

import dev.cairn.workflow.Functions;

/**
 * Calls on one typed workflow stub, gathered to run as one request: for signal-with-start, the
 * workflow method and a signal method ({@code request.add(stub::run, order); request.add(stub::pay, 10)}).
 */
public interface BatchRequest {
  void add(Functions.Proc request);

  <A1> void add(Functions.Proc1<A1> request, A1 arg1);

  <A1, A2> void add(Functions.Proc2<A1, A2> request, A1 arg1, A2 arg2);

  <A1, A2, A3> void add(Functions.Proc3<A1, A2, A3> request, A1 arg1, A2 arg2, A3 arg3);

  void add(Functions.Func<?> request);

  <A1> void add(Functions.Func1<A1, ?> request, A1 arg1);

  <A1, A2> void add(Functions.Func2<A1, A2, ?> request, A1 arg1, A2 arg2);

  <A1, A2, A3> void add(Functions.Func3<A1, A2, A3, ?> request, A1 arg1, A2 arg2, A3 arg3);
}
