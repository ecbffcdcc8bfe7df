package dev.cairn.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The workflow's entry point; its return ends the run. Exactly one per workflow interface. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WorkflowMethod {
  /** The workflow type; defaults to the interface's simple name. */
  String name() default "";
}
