package dev.cairn.activity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface whose methods are activities; a workflow calls them through a stub made from
 * it. Each method's activity type is {@code namePrefix} + its name (or {@link ActivityMethod#name}),
 * the method name with its first letter upper-cased, as in Temporal.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ActivityInterface {
  /** Prepended to every activity type of this interface, to keep types unique across interfaces. */
  String namePrefix() default "";
}
