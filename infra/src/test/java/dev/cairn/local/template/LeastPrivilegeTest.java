package dev.cairn.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.local.ProjectPaths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DESIGN.md invariant 9: each function's policy names only the resources and actions it uses. */
class LeastPrivilegeTest {

    @Test
    void projectTemplate_shouldGrantNoWildcards_whenPoliciesAreRead() throws Exception {
        SamTemplate template = SamTemplate.read(ProjectPaths.template());
        assertTrue(PolicyStatements.all(template).size() >= 20, "the roles' statements were not found");
        assertEquals(List.of(), PolicyStatements.violations(template));
    }

    @Test
    void projectTemplate_shouldLetOnlyEachConsumerReceiveFromItsOwnQueue_whenRolesAreRead() throws Exception {
        SamTemplate template = SamTemplate.read(ProjectPaths.template());
        List<String> receivers = new ArrayList<>();
        for (PolicyStatements.Located s : PolicyStatements.all(template)) {
            if (s.statement().path("Action").toString().contains("sqs:ReceiveMessage")) {
                receivers.add(s.where() + " -> " + s.statement().path("Resource").path("Fn::GetAtt").path(0).asText());
            }
        }
        assertEquals(List.of(
                "DecisionFunctionExecutionRole.decision -> DecisionQueue",
                "ActivityFunctionExecutionRole.activity -> ActivityQueue",
                "TimerFunctionExecutionRole.timer -> TimerQueue"), receivers);
    }

    @Test
    void projectTemplate_shouldLetSweeperQueryOnlyTheOutboxIndex_whenRolesAreRead() throws Exception {
        SamTemplate template = SamTemplate.read(ProjectPaths.template());
        List<String> queries = new ArrayList<>();
        for (PolicyStatements.Located s : PolicyStatements.all(template)) {
            if (s.where().startsWith("Sweeper") && s.statement().path("Action").toString().contains("dynamodb:Query")) {
                JsonNode resource = s.statement().path("Resource");
                queries.add(resource.path("Fn::Sub").asText(resource.toString()));
            }
        }
        assertEquals(List.of("${CairnTable.Arn}/index/Outbox"), queries);
    }

    /**
     * Least privilege must not starve a function: every function that commits to the table and sends
     * tasks marks them sent with BatchWriteItem (DynamoDbHistoryStore.markSent), and the sweeper does
     * after re-sending. Without it the outbox would re-send the same tasks every minute forever.
     */
    @Test
    void projectTemplate_shouldLetEveryFunctionThatSendsTasksMarkThemSent_whenRolesAreRead() throws Exception {
        SamTemplate template = SamTemplate.read(ProjectPaths.template());
        List<String> missing = new ArrayList<>();
        for (String role : List.of("DecisionFunctionExecutionRole", "ActivityFunctionExecutionRole",
                "TimerFunctionExecutionRole", "ApiFunctionExecutionRole", "SweeperFunctionExecutionRole",
                "EventStartFunctionExecutionRole")) {
            boolean found = PolicyStatements.all(template).stream().anyMatch(s -> s.where().startsWith(role)
                    && s.statement().path("Action").toString().contains("dynamodb:BatchWriteItem"));
            if (!found) {
                missing.add(role);
            }
        }
        assertEquals(List.of(), missing, "roles without dynamodb:BatchWriteItem");
    }

    @Test
    void violations_shouldReportWildcards_whenPolicyIsBroad() {
        SamTemplate broad = SamTemplate.parse("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Q: {Type: AWS::SQS::Queue}
                  R:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument: {}
                      Policies:
                        - PolicyName: p
                          PolicyDocument:
                            Statement:
                              - {Effect: Allow, Action: "dynamodb:*", Resource: !GetAtt Q.Arn}
                              - {Effect: Allow, Action: [sqs:SendMessage], Resource: "*"}
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B
                      Policies: [AmazonSQSFullAccess]
                      Events:
                        E: {Type: SQS, Properties: {Queue: !GetAtt Q.Arn}}
                """);
        List<String> problems = PolicyStatements.violations(broad);
        assertTrue(problems.stream().anyMatch(p -> p.contains("dynamodb:*")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("Resource \"*\"")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("AmazonSQSFullAccess")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("without an explicit Role")), problems.toString());
    }
}
