package dev.cairn.activity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Optional on methods of an {@link ActivityInterface}; needed only to set the activity type name. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ActivityMethod {
  /** The activity type; overrides the derived name and ignores the interface's namePrefix. */
  String name() default "";
}
