package dev.cairn.local;

import dev.cairn.local.api.LocalRestApi;
import dev.cairn.local.events.EventPattern;
import dev.cairn.local.events.LocalEventBus;
import dev.cairn.local.lambda.LocalFunction;
import dev.cairn.local.lambda.LocalSchedules;
import dev.cairn.local.lambda.ScheduleExpression;
import dev.cairn.local.lambda.SqsEventSourceMapping;
import dev.cairn.local.template.ApiEventSource;
import dev.cairn.local.template.EventRuleSource;
import dev.cairn.local.template.FunctionDefinition;
import dev.cairn.local.template.SamTemplate;
import dev.cairn.local.template.ScheduleEventSource;
import dev.cairn.local.template.SqsEventSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Every event source of the template, started against local functions: an SQS event source mapping
 * per {@code SQS} event, the REST API for the {@code Api} events (with {@code POST /events} for the
 * {@code EventBridgeRule}/{@code CloudWatchEvent} rules), and the {@code Schedule}/{@code ScheduleV2}
 * rules on a clock. Disabled events are left out, as they are on AWS.
 */
public final class LocalEventSources implements AutoCloseable {
    /**
     * How the sources run locally.
     *
     * @param apiPort the REST API's port (0: a free one)
     * @param sqs how every SQS mapping polls
     * @param scheduleOverrides by function logical id, a schedule that replaces the template's (e.g. a faster sweep)
     */
    public record Settings(int apiPort, SqsEventSourceMapping.Settings sqs, Map<String, ScheduleExpression> scheduleOverrides) {
        public Settings {
            scheduleOverrides = Map.copyOf(scheduleOverrides);
        }
    }

    private final List<SqsEventSourceMapping> mappings;
    private final LocalRestApi api;
    private final LocalSchedules schedules;

    private LocalEventSources(List<SqsEventSourceMapping> mappings, LocalRestApi api, LocalSchedules schedules) {
        this.mappings = mappings;
        this.api = api;
        this.schedules = schedules;
    }

    /**
     * Starts the sources of every function in {@code functions} (by logical id; a template function
     * missing from the map has no sources started).
     */
    public static LocalEventSources start(SamTemplate template, ProvisionedQueues queues, SqsClient sqs,
                                          Map<String, LocalFunction> functions, Settings settings, Clock clock) {
        List<SqsEventSourceMapping> mappings = new ArrayList<>();
        List<LocalRestApi.Route> routes = new ArrayList<>();
        List<LocalSchedules.Schedule> schedules = new ArrayList<>();
        List<LocalEventBus.Rule> rules = new ArrayList<>();
        for (FunctionDefinition definition : template.functions()) {
            LocalFunction function = functions.get(definition.logicalId());
            if (function == null) {
                continue;
            }
            for (ApiEventSource e : definition.apiEvents()) {
                routes.add(new LocalRestApi.Route(e.path(), e.method(), function));
            }
            for (ScheduleEventSource e : definition.scheduleEvents()) {
                if (e.enabled()) {
                    ScheduleExpression expression = settings.scheduleOverrides().containsKey(definition.logicalId())
                            ? settings.scheduleOverrides().get(definition.logicalId())
                            : ScheduleExpression.parse(e.expression());
                    schedules.add(new LocalSchedules.Schedule(ruleName(definition, e.name()), expression, function, e.input()));
                }
            }
            for (EventRuleSource e : definition.eventRules()) {
                if (e.enabled()) {
                    rules.add(new LocalEventBus.Rule(ruleName(definition, e.name()), compile(definition, e), function, e.input()));
                }
            }
        }
        LocalRestApi api = LocalRestApi.start(settings.apiPort(), stageName(template), routes,
                Optional.of(new LocalEventBus(rules, clock)), clock);
        LocalSchedules timers = LocalSchedules.start(schedules, clock);
        try {
            for (FunctionDefinition definition : template.functions()) {
                LocalFunction function = functions.get(definition.logicalId());
                for (SqsEventSource e : definition.sqsEvents()) {
                    if (function != null && e.enabled()) {
                        SqsEventSourceMapping.Source source = new SqsEventSourceMapping.Source(
                                definition.logicalId() + "/" + e.name(), queues.url(e.queueLogicalId()), queues.arn(e.queueLogicalId()),
                                e.batchSize(), e.reportsBatchItemFailures());
                        mappings.add(SqsEventSourceMapping.start(sqs, source, function, settings.sqs()));
                    }
                }
            }
        } catch (RuntimeException e) {
            new LocalEventSources(mappings, api, timers).close();
            throw e;
        }
        return new LocalEventSources(List.copyOf(mappings), api, timers);
    }

    public LocalRestApi api() {
        return api;
    }

    public List<SqsEventSourceMapping> sqsMappings() {
        return mappings;
    }

    public LocalSchedules schedules() {
        return schedules;
    }

    /** Stops the schedules and the API first (no new work), then drains the SQS mappings. */
    @Override
    public void close() {
        schedules.close();
        api.close();
        mappings.forEach(SqsEventSourceMapping::close);
    }

    /** SAM names an event's rule after its function and event: {@code SweeperFunctionSweep}. */
    private static String ruleName(FunctionDefinition function, String eventName) {
        return function.logicalId() + eventName;
    }

    private static EventPattern compile(FunctionDefinition function, EventRuleSource rule) {
        try {
            return EventPattern.compile(rule.pattern());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(function.logicalId() + ".Events." + rule.name() + ".Pattern: " + e.getMessage(), e);
        }
    }

    /** The StageName of the template's first {@code AWS::Serverless::Api}; SAM's implicit API uses "Prod". */
    static String stageName(SamTemplate template) {
        return template.resourcesOfType("AWS::Serverless::Api").values().stream()
                .map(api -> api.path("Properties").path("StageName"))
                .filter(n -> n.isTextual())
                .map(n -> n.asText())
                .findFirst()
                .orElse("Prod");
    }
}
