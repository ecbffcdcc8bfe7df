package dev.cairn.internal.client;

import java.lang.reflect.Type;

/** The in-process typed stub: {@link TypedStubDispatch} on an {@link UntypedStub}. */
final class TypedStubHandler extends TypedStubDispatch {
  private final UntypedStub untyped;

  TypedStubHandler(Class<?> workflowInterface, UntypedStub untyped) {
    super(workflowInterface, untyped);
    this.untyped = untyped;
  }

  @Override
  protected <R> R update(String updateName, Class<R> resultClass, Type resultType, Object[] args) {
    return untyped.update(updateName, resultClass, resultType, args);
  }
}
