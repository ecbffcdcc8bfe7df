package dev.cairn.internal.http;

import dev.cairn.internal.client.TypedStubDispatch;
import java.lang.reflect.Type;

/** A typed stub over HTTP: {@link TypedStubDispatch} on an {@link HttpWorkflowStub}. */
final class HttpTypedStub extends TypedStubDispatch {
  private final HttpWorkflowStub untyped;

  HttpTypedStub(Class<?> workflowInterface, HttpWorkflowStub untyped) {
    super(workflowInterface, untyped);
    this.untyped = untyped;
  }

  @Override
  protected <R> R update(String updateName, Class<R> resultClass, Type resultType, Object[] args) {
    return untyped.update(updateName, resultClass, resultType, args);
  }
}
