package dev.cairn.testing;

import dev.cairn.activity.ActivityInterface;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives each test method a {@link TestActivityEnvironment} with the
 * builder's activities registered, and injects it, or a stub of any {@code @ActivityInterface},
 * into test method parameters. Temporal's {@code TestActivityExtension}.
 */
public class TestActivityExtension implements ParameterResolver, BeforeEachCallback, AfterEachCallback {
  private final TestEnvironmentOptions testEnvironmentOptions;
  private final Object[] activityImplementations;

  private TestActivityExtension(Builder b) {
    this.testEnvironmentOptions = b.testEnvironmentOptions;
    this.activityImplementations = b.activityImplementations;
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    TestActivityEnvironment environment = TestActivityEnvironment.newInstance(testEnvironmentOptions);
    environment.registerActivitiesImplementations(activityImplementations);
    store(context).put(TestActivityEnvironment.class, environment);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestActivityEnvironment environment = environment(context);
    if (environment != null) {
      environment.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Parameter parameter = parameterContext.getParameter();
    if (parameter.getDeclaringExecutable() instanceof Constructor) {
      return false;
    }
    Class<?> type = parameter.getType();
    return type == TestActivityEnvironment.class || (type.isInterface() && type.isAnnotationPresent(ActivityInterface.class));
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    TestActivityEnvironment environment = environment(extensionContext);
    Class<?> type = parameterContext.getParameter().getType();
    return type == TestActivityEnvironment.class ? environment : environment.newActivityStub(type);
  }

  private static ExtensionContext.Store store(ExtensionContext context) {
    return context.getStore(ExtensionContext.Namespace.create(TestActivityExtension.class, context.getRequiredTestMethod()));
  }

  private static TestActivityEnvironment environment(ExtensionContext context) {
    return store(context).get(TestActivityEnvironment.class, TestActivityEnvironment.class);
  }

  public static class Builder {
    private TestEnvironmentOptions testEnvironmentOptions = TestEnvironmentOptions.getDefaultInstance();
    private Object[] activityImplementations = new Object[0];

    private Builder() {}

    public Builder setTestEnvironmentOptions(TestEnvironmentOptions testEnvironmentOptions) {
      this.testEnvironmentOptions = testEnvironmentOptions;
      return this;
    }

    public Builder setActivityImplementations(Object... activityImplementations) {
      this.activityImplementations = activityImplementations;
      return this;
    }

    public TestActivityExtension build() {
      return new TestActivityExtension(this);
    }
  }
}
