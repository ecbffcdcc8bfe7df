package dev.cairn.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.local.ProjectPaths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SamTemplateTest {
    private static final ResourceBindings LOCAL = new ResourceBindings() {
        @Override
        public String ref(String logicalId) {
            return "ref:" + logicalId;
        }

        @Override
        public String getAtt(String logicalId, String attribute) {
            return "att:" + logicalId + "." + attribute;
        }
    };

    @Test
    void parse_shouldRebuildLongFormIntrinsics_whenShortFormTagsAreUsed() {
        SamTemplate t = SamTemplate.parse("""
                Conditions:
                  IsProd: !Equals [!Ref Env, prod]
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                    Properties:
                      A: !Ref X
                      B: !GetAtt Dlq.Arn
                      C: !GetAtt Res.Nested.Attr
                      D: !Sub "${AWS::Region}-${X}"
                      E: !If [IsProd, 1, 2]
                      F: !Join [",", [a, !Select [0, !Split ["|", "x|y"]]]]
                      G: !FindInMap [M, !Ref "AWS::Region", k]
                      H: !GetAZs ''
                      I: !Base64 hello
                      J: !Cidr [10.0.0.0/16, 4, 8]
                      K: !ImportValue Shared
                      L: !Not [!And [!Or [!Condition IsProd, true], false]]
                      M: "!Ref NotATag"
                """);
        var p = t.json().path("Resources").path("Q").path("Properties");
        assertEquals("{\"Ref\":\"X\"}", p.path("A").toString());
        assertEquals("{\"Fn::GetAtt\":[\"Dlq\",\"Arn\"]}", p.path("B").toString());
        assertEquals("{\"Fn::GetAtt\":[\"Res\",\"Nested.Attr\"]}", p.path("C").toString());
        assertEquals("{\"Fn::Sub\":\"${AWS::Region}-${X}\"}", p.path("D").toString());
        assertEquals("{\"Fn::If\":[\"IsProd\",1,2]}", p.path("E").toString());
        assertEquals("{\"Fn::Join\":[\",\",[\"a\",{\"Fn::Select\":[0,{\"Fn::Split\":[\"|\",\"x|y\"]}]}]]}", p.path("F").toString());
        assertEquals("{\"Fn::FindInMap\":[\"M\",{\"Ref\":\"AWS::Region\"},\"k\"]}", p.path("G").toString());
        assertEquals("{\"Fn::GetAZs\":\"\"}", p.path("H").toString());
        assertEquals("{\"Fn::Base64\":\"hello\"}", p.path("I").toString());
        assertEquals("{\"Fn::Cidr\":[\"10.0.0.0/16\",4,8]}", p.path("J").toString());
        assertEquals("{\"Fn::ImportValue\":\"Shared\"}", p.path("K").toString());
        assertEquals("{\"Fn::Not\":[{\"Fn::And\":[{\"Fn::Or\":[{\"Condition\":\"IsProd\"},true]},false]}]}", p.path("L").toString());
        assertEquals("\"!Ref NotATag\"", p.path("M").toString());
        assertEquals("{\"Fn::Equals\":[{\"Ref\":\"Env\"},\"prod\"]}", t.json().path("Conditions").path("IsProd").toString());
    }

    @Test
    void parse_shouldFail_whenTagIsUnknown() {
        var e = assertThrows(TemplateException.class,
                () -> SamTemplate.parse("Resources:\n  Q:\n    Type: !Reff X\n"));
        assertTrue(e.getMessage().contains("!Reff"), e.getMessage());
    }

    @Test
    void parse_shouldFail_whenKeyIsDuplicated() {
        assertThrows(RuntimeException.class,
                () -> SamTemplate.parse("Resources:\n  Q:\n    Type: A\n  Q:\n    Type: B\n"));
    }

    @Test
    void queue_shouldResolveParametersAndDeadLetterQueue_whenReadFromProjectTemplate() throws Exception {
        SamTemplate t = SamTemplate.read(ProjectPaths.template());
        QueueDefinition decisions = t.queue("DecisionQueue");
        assertEquals(180, decisions.visibilityTimeout().getAsInt());
        assertEquals(Optional.of(new QueueDefinition.Redrive("DecisionDeadLetterQueue", 5)), decisions.redrive());
        assertEquals("180", decisions.sqsAttributes().get("VisibilityTimeout"));
        assertEquals(1209600, t.queue("DecisionDeadLetterQueue").messageRetentionPeriod().getAsInt());
        assertEquals(List.of("DecisionQueue", "DecisionDeadLetterQueue", "ActivityQueue", "ActivityDeadLetterQueue",
                "TimerQueue", "TimerDeadLetterQueue"), t.queues().stream().map(QueueDefinition::logicalId).toList());
        assertEquals(3, t.withParameters(Map.of("MaxReceiveCount", "3")).queue("TimerQueue").redrive().orElseThrow().maxReceiveCount());
    }

    @Test
    void table_shouldExposeKeysIndexesAndTtl_whenReadFromProjectTemplate() throws Exception {
        TableDefinition table = SamTemplate.read(ProjectPaths.template()).table("CairnTable");
        assertEquals(new TableDefinition.Key("pk", Optional.of("sk")), table.key());
        assertEquals("PAY_PER_REQUEST", table.billingMode());
        assertEquals(Optional.of("expiresAt"), table.ttlAttribute());
        assertEquals(new TableDefinition.Index("ByStart", new TableDefinition.Key("listPk", Optional.of("listSk")), "ALL"),
                table.index("ByStart").orElseThrow());
        assertEquals(new TableDefinition.Index("Outbox", new TableDefinition.Key("outboxPk", Optional.of("outboxAt")), "KEYS_ONLY"),
                table.index("Outbox").orElseThrow());
        assertTrue(table.pointInTimeRecovery());
    }

    @Test
    void function_shouldApplyGlobalsAndListEvents_whenReadFromProjectTemplate() throws Exception {
        SamTemplate t = SamTemplate.read(ProjectPaths.template());
        FunctionDefinition decision = t.function("DecisionFunction");
        assertEquals("dev.cairn.lambda.DecisionHandler", decision.handlerClass());
        assertEquals("handleRequest", decision.handlerMethod());
        assertEquals("java25", decision.runtime());
        assertEquals(30, decision.timeoutSeconds());
        assertEquals(1024, decision.memorySizeMb());
        SqsEventSource sqs = decision.sqsEvents().get(0);
        assertEquals("DecisionQueue", sqs.queueLogicalId());
        assertEquals(10, sqs.batchSize());
        assertTrue(sqs.reportsBatchItemFailures());

        assertEquals(300, t.function("ActivityFunction").timeoutSeconds());
        Map<String, String> env = t.environment(decision, LOCAL);
        assertEquals("ref:DecisionQueue", env.get("CAIRN_DECISION_QUEUE_URL"));
        assertEquals("ref:CairnTable", env.get("CAIRN_TABLE"));
        assertEquals("dev.cairn.samples.SampleWorkers", env.get("CAIRN_WORKERS"));
        assertEquals("false", env.get("LOG_PAYLOADS"));

        List<ApiEventSource> routes = t.function("ApiFunction").apiEvents();
        assertTrue(routes.contains(new ApiEventSource("SignalWorkflow", "/workflows/{id}/signals/{name}", "POST", Optional.of("CairnApi"))));
        assertTrue(routes.contains(new ApiEventSource("GetUpdateOutcome", "/workflows/{id}/updates/{name}", "GET", Optional.of("CairnApi"))));
        assertEquals(11, routes.size());
        ScheduleEventSource sweep = t.function("SweeperFunction").scheduleEvents().get(0);
        assertEquals("rate(1 minute)", sweep.expression());
        assertTrue(sweep.enabled());
    }

    @Test
    void function_shouldReadEventRulesAndScheduleV2_whenTemplateDeclaresThem() {
        SamTemplate t = SamTemplate.parse("""
                Resources:
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handleRequest
                      Events:
                        Orders:
                          Type: EventBridgeRule
                          Properties:
                            Pattern: {source: [shop.orders], detail: {total: [{numeric: [">", 100]}]}}
                        Legacy:
                          Type: CloudWatchEvent
                          Properties:
                            Pattern: {source: [legacy]}
                            State: DISABLED
                        Nightly:
                          Type: ScheduleV2
                          Properties:
                            ScheduleExpression: cron(0 2 * * ? *)
                            Input: '{"kind": "nightly"}'
                """);
        FunctionDefinition f = t.function("F");
        assertEquals(2, f.eventRules().size());
        EventRuleSource orders = f.eventRules().get(0);
        assertEquals("Orders", orders.name());
        assertEquals("{\"source\":[\"shop.orders\"],\"detail\":{\"total\":[{\"numeric\":[\">\",100]}]}}", orders.pattern().toString());
        assertTrue(orders.enabled());
        assertEquals(false, f.eventRules().get(1).enabled());
        ScheduleEventSource nightly = f.scheduleEvents().get(0);
        assertEquals("cron(0 2 * * ? *)", nightly.expression());
        assertEquals(Optional.of("{\"kind\": \"nightly\"}"), nightly.input());
    }

    @Test
    void resolve_shouldEvaluateSubWithAttributesAndPseudoParameters_whenBindingsAreGiven() {
        SamTemplate t = SamTemplate.parse("""
                Parameters:
                  Stage: {Type: String, Default: dev}
                Resources:
                  B: {Type: AWS::S3::Bucket}
                """);
        var value = t.json().objectNode().put("Fn::Sub", "${B.Arn}/${Stage}/${AWS::Region}/${!Literal}");
        assertEquals("att:B.Arn/dev/us-east-1/${Literal}", t.resolve(value, LOCAL).asText());
    }
}
