package dev.cairn.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.local.ProjectPaths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replay-safe deploy of docs/versioning.md, as template.yaml wires it (ADR 0006). */
class ReplaySafeDeployTest {

    @Test
    void decisionFunction_shouldDeployThroughPreTrafficReplayHook_whenTemplateIsRead() throws Exception {
        SamTemplate template = SamTemplate.read(ProjectPaths.template());
        JsonNode decision = template.functionProperties("DecisionFunction");
        assertEquals("live", decision.path("AutoPublishAlias").asText(), "a DeploymentPreference needs the alias");
        JsonNode preference = decision.path("DeploymentPreference");
        assertEquals("AllAtOnce", preference.path("Type").asText());
        assertEquals("ReplayCheckFunction", preference.path("Hooks").path("PreTraffic").path("Ref").asText(),
                preference.toString());

        FunctionDefinition hook = template.functions().stream().filter(f -> f.logicalId().equals("ReplayCheckFunction"))
                .findFirst().orElseThrow();
        assertEquals("dev.cairn.lambda.ReplayCheckHandler", hook.handlerClass());
        assertTrue(hook.sqsEvents().isEmpty() && hook.apiEvents().isEmpty() && hook.scheduleEvents().isEmpty(),
                "CodeDeploy invokes the hook; nothing else should");
        JsonNode hookProperties = template.functionProperties("ReplayCheckFunction");
        assertTrue(hookProperties.path("FunctionName").path("Fn::Sub").asText().startsWith("CodeDeployHook_"),
                "SAM's CodeDeploy role invokes only functions named CodeDeployHook_*: " + hookProperties.path("FunctionName"));
        assertTrue(!hookProperties.has("DeploymentPreference"), "the hook must not gate its own deployment");
        assertEquals("ReplayCheckFunction", template.resources().get("DecisionFunction").path("DependsOn").asText(),
                "the hook must run the new jar before DecisionFunction's alias moves");
    }

    @Test
    void replayCheckRole_shouldOnlyReadTableAndReportToItsDeploymentGroup_whenRoleIsRead() throws Exception {
        SamTemplate template = SamTemplate.read(ProjectPaths.template());
        List<String> grants = new ArrayList<>();
        for (PolicyStatements.Located s : PolicyStatements.all(template)) {
            if (s.where().startsWith("ReplayCheck")) {
                JsonNode resource = s.statement().path("Resource");
                grants.add(s.statement().path("Action").toString() + " on "
                        + (resource.has("Fn::Sub") ? resource.path("Fn::Sub").asText() : resource.toString()));
            }
        }
        assertEquals(List.of(
                "[\"logs:CreateLogStream\",\"logs:PutLogEvents\"] on {\"Fn::GetAtt\":[\"ReplayCheckFunctionLogs\",\"Arn\"]}",
                "\"dynamodb:Query\" on ${CairnTable.Arn}/index/ByStart",
                "[\"dynamodb:GetItem\",\"dynamodb:Query\"] on {\"Fn::GetAtt\":[\"CairnTable\",\"Arn\"]}",
                "\"codedeploy:PutLifecycleEventHookExecutionStatus\" on arn:${AWS::Partition}:codedeploy:${AWS::Region}:"
                        + "${AWS::AccountId}:deploymentgroup:${ServerlessDeploymentApplication}/${DecisionFunctionDeploymentGroup}"),
                grants);
    }

    @Test
    void referenceChecker_shouldRejectDeploymentGroup_whenFunctionHasNoDeploymentPreference() {
        SamTemplate t = SamTemplate.parse("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  F:
                    Type: AWS::Serverless::Function
                    Properties: {Handler: a.B, AutoPublishAlias: live}
                Outputs:
                  A: {Value: !Ref FDeploymentGroup}
                  B: {Value: !Ref ServerlessDeploymentApplication}
                """);
        List<String> problems = new ReferenceChecker(t.json()).problems();
        assertEquals(2, problems.size(), problems.toString());
    }
}
