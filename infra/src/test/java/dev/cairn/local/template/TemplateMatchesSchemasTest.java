package dev.cairn.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.local.ProjectPaths;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * template.yaml against shared/schemas (SAM's schema and CloudFormation's provider schemas), and
 * proof that the checker really checks: each negative case below must fail if it stops checking.
 */
class TemplateMatchesSchemasTest {
    private static TemplateChecker checker;

    @BeforeAll
    static void loadSchemas() {
        checker = new TemplateChecker(ProjectPaths.shared().resolve("schemas"));
    }

    @Test
    void projectTemplate_shouldMatchSamAndProviderSchemas_whenCheckedWhole() throws Exception {
        long started = System.nanoTime();
        TemplateChecker.Result result = checker.check(SamTemplate.read(ProjectPaths.template()));
        System.out.printf("template.yaml checked in %d ms; checked: %s%n", (System.nanoTime() - started) / 1_000_000, result.checkedTypes());
        result.uncheckedTypes().forEach(t -> System.out.println("UNCHECKED (no schema in shared/schemas): " + t));
        assertEquals(List.of(), result.problems());
        assertTrue(result.checkedTypes().contains("AWS::SQS::Queue"), result.checkedTypes().toString());
        assertTrue(result.checkedTypes().contains("AWS::DynamoDB::Table"), result.checkedTypes().toString());
    }

    @Test
    void check_shouldReportProperty_whenQueuePropertyIsMisspelled() {
        List<String> problems = problems("""
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                    Properties:
                      VisibiltyTimeout: 30
                """);
        assertTrue(problems.stream().anyMatch(p -> p.contains("VisibiltyTimeout")), problems.toString());
    }

    @Test
    void check_shouldReportProperty_whenSamFunctionPropertyIsMisspelled() {
        List<String> problems = problems(function("Handlr: a.B::handleRequest\n      Runtime: java25"));
        assertTrue(problems.stream().anyMatch(p -> p.contains("Handlr")), problems.toString());
    }

    @Test
    void check_shouldReportValue_whenPassedThroughRuntimeIsUnknown() {
        List<String> problems = problems(function("Handler: a.B::handleRequest\n      Runtime: java99"));
        assertTrue(problems.stream().anyMatch(p -> p.contains("Runtime")), problems.toString());
    }

    @Test
    void check_shouldReportTarget_whenGetAttNamesMissingResource() {
        List<String> problems = problems("""
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                    Properties:
                      RedrivePolicy:
                        deadLetterTargetArn: !GetAtt Missing.Arn
                        maxReceiveCount: 5
                """);
        assertTrue(problems.stream().anyMatch(p -> p.contains("GetAtt to Missing")), problems.toString());
    }

    @Test
    void check_shouldReportTarget_whenSubOrRefNamesNothing() {
        List<String> problems = problems("""
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                Outputs:
                  A: {Value: !Sub "${Nowhere.Arn}-${AWS::Region}-${!Literal}"}
                  B: {Value: !Ref Nothing}
                """);
        assertTrue(problems.stream().anyMatch(p -> p.contains("GetAtt to Nowhere")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("Ref to Nothing")), problems.toString());
        assertEquals(2, problems.size(), problems.toString());
    }

    @Test
    void check_shouldAcceptIntrinsic_whenSchemaWantsAnotherType() {
        List<String> problems = problems("""
                Parameters:
                  Seconds: {Type: Number, Default: 30}
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                    Properties:
                      VisibilityTimeout: !Ref Seconds
                """);
        assertEquals(List.of(), problems);
    }

    @Test
    void check_shouldListTypeAsUnchecked_whenNoSchemaExists() {
        TemplateChecker.Result result = checker.check(SamTemplate.parse("""
                Resources:
                  S:
                    Type: AWS::SNS::Subscription
                    Properties: {Protocol: sqs, TopicArn: x}
                """));
        assertTrue(result.uncheckedTypes().contains("AWS::SNS::Subscription"), result.uncheckedTypes().toString());
    }

    private static String function(String properties) {
        return """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: x.jar
                      %s
                """.formatted(properties);
    }

    private static List<String> problems(String yaml) {
        return checker.check(SamTemplate.parse(yaml)).problems();
    }
}
