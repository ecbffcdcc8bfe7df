package dev.cairn.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Checks an update's arguments before the update is accepted; throwing rejects it without leaving
 * a trace in history. Must not change state or block.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface UpdateValidatorMethod {
  /** The name of the update this validates. */
  String updateName();
}
