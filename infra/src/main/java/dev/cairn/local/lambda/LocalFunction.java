package dev.cairn.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.cairn.local.template.FunctionDefinition;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One function of the template, running in this JVM: its handler instance, and invocations with a
 * {@link LocalContext} and the function's Timeout.
 *
 * <p>Unlike Lambda, which gives each concurrent invocation its own execution environment, one handler
 * instance serves every concurrent invocation here: handlers must be thread-safe (Cairn's are
 * stateless over their {@code CairnRuntime}). An invocation past its Timeout is reported as failed and
 * its thread interrupted; Lambda would stop the whole environment, which a JVM cannot do to one thread.
 */
public final class LocalFunction {
    private final String name;
    private final Duration timeout;
    private final int memoryMb;
    private final RequestHandler<Object, Object> handler;
    private final Class<?> inputType;
    private final Clock clock;

    @SuppressWarnings("unchecked")
    private LocalFunction(String name, Duration timeout, int memoryMb, RequestHandler<?, ?> handler, Clock clock) {
        this.name = name;
        this.timeout = timeout;
        this.memoryMb = memoryMb;
        this.handler = (RequestHandler<Object, Object>) handler;
        this.inputType = inputTypeOf(handler.getClass());
        this.clock = clock;
    }

    /** A function around a handler already built (tests, or handlers that need no constructor argument). */
    public static LocalFunction of(String name, Duration timeout, RequestHandler<?, ?> handler, Clock clock) {
        return new LocalFunction(name, timeout, 1024, handler, clock);
    }

    /**
     * The template's function with a new instance of its {@code Handler} class, built by the public
     * constructor whose one parameter accepts {@code constructorArgument} (for Cairn's handlers, the
     * {@code CairnRuntime}).
     */
    public static LocalFunction instantiate(FunctionDefinition definition, Object constructorArgument, Clock clock) {
        return instantiate(definition, constructorArgument, java.util.Map.of(), clock);
    }

    /**
     * As above; a handler with a public constructor taking the argument and a {@code Map<String, String>}
     * gets the function's Environment.Variables there, resolved, as Lambda gives them to the process
     * (one JVM runs every function locally, so its own environment cannot be each function's).
     */
    public static LocalFunction instantiate(FunctionDefinition definition, Object constructorArgument,
            java.util.Map<String, String> environment, Clock clock) {
        if (!definition.handlerMethod().equals("handleRequest")) {
            throw new IllegalArgumentException(definition.logicalId() + ": handler " + definition.handler()
                    + " must name handleRequest of a RequestHandler; other methods are not emulated locally");
        }
        RequestHandler<?, ?> handler = newHandler(definition.logicalId(), definition.handlerClass(), constructorArgument,
                environment);
        return new LocalFunction(definition.logicalId(), Duration.ofSeconds(definition.timeoutSeconds()),
                definition.memorySizeMb(), handler, clock);
    }

    public String name() {
        return name;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The event type the handler declares ({@code RequestHandler<I, O>}'s I), Object when it declares none. */
    public Class<?> inputType() {
        return inputType;
    }

    /**
     * Runs the handler on {@code event} and returns what it returned.
     *
     * @throws FunctionInvocationException when the handler throws or runs past the Timeout
     */
    public Object invoke(Object event) {
        String requestId = UUID.randomUUID().toString();
        LocalContext context = new LocalContext(requestId, name, memoryMb, clock.instant().plus(timeout), clock);
        FutureTask<Object> invocation = new FutureTask<>(() -> handler.handleRequest(event, context));
        Thread thread = Thread.ofVirtual().name(name + "-" + requestId).start(invocation);
        try {
            return invocation.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new FunctionInvocationException(name + " failed (request " + requestId + "): " + e.getCause(), e.getCause(), false);
        } catch (TimeoutException e) {
            thread.interrupt();
            throw new FunctionInvocationException(name + " timed out after " + timeout + " (request " + requestId + ")", null, true);
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new FunctionInvocationException(name + " was interrupted (request " + requestId + ")", e, false);
        }
    }

    private static RequestHandler<?, ?> newHandler(String function, String className, Object argument,
            java.util.Map<String, String> environment) {
        Class<?> type;
        try {
            type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(function + ": handler class " + className + " is not on the class path", e);
        }
        if (!RequestHandler.class.isAssignableFrom(type)) {
            throw new IllegalStateException(function + ": " + className + " does not implement RequestHandler");
        }
        for (Constructor<?> c : type.getConstructors()) {
            if (c.getParameterCount() == 2 && c.getParameterTypes()[0].isAssignableFrom(argument.getClass())
                    && c.getParameterTypes()[1] == java.util.Map.class) {
                try {
                    return (RequestHandler<?, ?>) c.newInstance(argument, environment);
                } catch (InvocationTargetException e) {
                    throw new IllegalStateException(function + ": " + className + "'s constructor failed: " + e.getCause(), e.getCause());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(function + ": cannot instantiate " + className + ": " + e, e);
                }
            }
        }
        Constructor<?> constructor = constructorFor(type, argument.getClass()).orElseThrow(() -> new IllegalStateException(
                function + ": " + className + " has no public constructor taking a " + argument.getClass().getName()));
        try {
            return (RequestHandler<?, ?>) constructor.newInstance(argument);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(function + ": " + className + "'s constructor failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(function + ": cannot instantiate " + className + ": " + e, e);
        }
    }

    private static java.util.Optional<Constructor<?>> constructorFor(Class<?> type, Class<?> argumentType) {
        for (Constructor<?> c : type.getConstructors()) {
            if (c.getParameterCount() == 1 && c.getParameterTypes()[0].isAssignableFrom(argumentType)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }

    /** I of the first {@code RequestHandler<I, O>} found up the class hierarchy, as Lambda's runtime reads it. */
    static Class<?> inputTypeOf(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    Type input = p.getActualTypeArguments()[0];
                    if (input instanceof Class<?> k) {
                        return k;
                    }
                    if (input instanceof ParameterizedType pk && pk.getRawType() instanceof Class<?> k) {
                        return k;
                    }
                    return Object.class;
                }
            }
        }
        return Object.class;
    }

    @Override
    public String toString() {
        return "LocalFunction[" + name + ", " + handler.getClass().getName() + ", timeout " + timeout + "]";
    }
}
