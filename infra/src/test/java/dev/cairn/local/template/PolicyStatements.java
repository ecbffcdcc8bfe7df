package dev.cairn.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The IAM policy statements a template grants, and the ways they are broader than their job:
 * a Resource of "*", an action wildcard ("dynamodb:*", "s3:Get*"), an AWS managed policy named in a
 * function's Policies, or a function with an SQS event and no explicit Role (SAM then attaches
 * AWSLambdaSQSQueueExecutionRole, which covers every queue of the account).
 */
final class PolicyStatements {
    private static final Set<String> POLICY_TYPES = Set.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy");

    private PolicyStatements() {}

    /** Statement with where it was found. */
    record Located(String where, JsonNode statement) {}

    static List<Located> all(SamTemplate template) {
        List<Located> out = new ArrayList<>();
        for (Map.Entry<String, com.fasterxml.jackson.databind.node.ObjectNode> e : template.resources().entrySet()) {
            String id = e.getKey();
            JsonNode resource = e.getValue();
            String type = resource.path("Type").asText();
            JsonNode p = resource.path("Properties");
            if (type.equals("AWS::IAM::Role")) {
                for (JsonNode policy : p.path("Policies")) {
                    statements(id + "." + policy.path("PolicyName").asText(), policy.path("PolicyDocument"), out);
                }
            } else if (POLICY_TYPES.contains(type)) {
                statements(id, p.path("PolicyDocument"), out);
            } else if (type.equals(SamTemplate.FUNCTION)) {
                for (JsonNode policy : template.functionProperties(id).path("Policies")) {
                    if (policy.has("Statement")) {
                        statements(id, policy, out);
                    }
                }
            }
        }
        return out;
    }

    static List<String> violations(SamTemplate template) {
        List<String> problems = new ArrayList<>();
        for (Located s : all(template)) {
            if (!s.statement().path("Effect").asText().equals("Allow")) {
                continue;
            }
            for (JsonNode resource : list(s.statement().path("Resource"))) {
                if (resource.isTextual() && resource.asText().trim().equals("*")) {
                    problems.add(s.where() + ": Resource \"*\"");
                }
            }
            if (s.statement().has("NotResource") || s.statement().has("NotAction")) {
                problems.add(s.where() + ": NotResource/NotAction grants everything else");
            }
            for (JsonNode action : list(s.statement().path("Action"))) {
                if (action.asText().contains("*")) {
                    problems.add(s.where() + ": action wildcard " + action.asText());
                }
            }
        }
        for (FunctionDefinition f : template.functions()) {
            JsonNode p = template.functionProperties(f.logicalId());
            for (JsonNode policy : p.path("Policies").isArray() ? p.path("Policies") : list(p.path("Policies"))) {
                if (policy.isTextual()) {
                    problems.add(f.logicalId() + ": managed policy " + policy.asText() + " is not scoped to this stack");
                }
            }
            if (!f.sqsEvents().isEmpty() && !p.has("Role")) {
                problems.add(f.logicalId() + ": SQS event without an explicit Role (SAM attaches AWSLambdaSQSQueueExecutionRole, Resource *)");
            }
        }
        return problems;
    }

    private static void statements(String where, JsonNode document, List<Located> out) {
        JsonNode statement = document.path("Statement");
        for (JsonNode s : list(statement)) {
            out.add(new Located(where, s));
        }
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(out::add);
        } else if (!node.isMissingNode() && !node.isNull()) {
            out.add(node);
        }
        return out;
    }
}
