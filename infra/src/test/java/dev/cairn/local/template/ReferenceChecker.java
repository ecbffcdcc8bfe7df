package dev.cairn.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every Ref, Fn::GetAtt and ${X} in Fn::Sub must name a parameter, a resource, a pseudo parameter
 * or a name SAM generates (a function's Role, Alias and Version; an Api's Stage and Deployment; the
 * CodeDeploy application and a function's DeploymentGroup when it has a DeploymentPreference):
 * CloudFormation would otherwise refuse the stack at deploy time, long after the tests passed.
 */
final class ReferenceChecker {
    private static final Set<String> PSEUDO = Set.of("AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",
            "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final JsonNode template;

    ReferenceChecker(JsonNode template) {
        this.template = template;
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        walk(template.path("Resources"), "Resources", problems);
        walk(template.path("Outputs"), "Outputs", problems);
        walk(template.path("Globals"), "Globals", problems);
        walk(template.path("Conditions"), "Conditions", problems);
        return problems;
    }

    private void walk(JsonNode node, String path, List<String> problems) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String key = e.getKey();
                JsonNode value = e.getValue();
                switch (key) {
                    case "Ref" -> check(value.asText(), false, path, problems);
                    case "Fn::GetAtt" -> {
                        String target = value.isArray() ? value.path(0).asText() : value.asText().split("\\.", 2)[0];
                        check(target, true, path, problems);
                    }
                    case "Fn::Sub" -> sub(value, path, problems);
                    default -> { }
                }
                walk(value, path + "." + key, problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    private void sub(JsonNode value, String path, List<String> problems) {
        String text = value.isArray() ? value.path(0).asText() : value.asText();
        JsonNode locals = value.isArray() ? value.path(1) : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        Matcher m = SUB_VARIABLE.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (name.startsWith("!") || locals.has(name)) {
                continue;
            }
            int dot = name.indexOf('.');
            check(dot < 0 ? name : name.substring(0, dot), dot >= 0, path, problems);
        }
    }

    private void check(String target, boolean attribute, String path, List<String> problems) {
        if (exists(target, attribute)) {
            return;
        }
        problems.add(path + ": " + (attribute ? "GetAtt" : "Ref") + " to " + target
                + ", which is no resource, parameter or name SAM generates");
    }

    private boolean exists(String name, boolean attribute) {
        JsonNode resources = template.path("Resources");
        if (resources.has(name) || (!attribute && (template.path("Parameters").has(name) || PSEUDO.contains(name)))) {
            return true;
        }
        // SAM-generated names: XRole for a function without an explicit Role; X.Alias, X.Version; X.Stage, X.Deployment.
        if (name.endsWith("Role")) {
            JsonNode function = resources.path(name.substring(0, name.length() - "Role".length()));
            if (function.path("Type").asText().equals(SamTemplate.FUNCTION) && !function.path("Properties").has("Role")) {
                return true;
            }
        }
        // DeploymentPreference: SAM generates the CodeDeploy application and XDeploymentGroup for function X.
        if (name.equals("ServerlessDeploymentApplication")) {
            return hasDeploymentPreference(resources).findAny().isPresent();
        }
        if (name.endsWith("DeploymentGroup")) {
            String function = name.substring(0, name.length() - "DeploymentGroup".length());
            return hasDeploymentPreference(resources).anyMatch(function::equals);
        }
        int dot = name.indexOf('.');
        if (dot > 0) {
            String type = resources.path(name.substring(0, dot)).path("Type").asText();
            String suffix = name.substring(dot + 1);
            return (type.equals(SamTemplate.FUNCTION) && Set.of("Alias", "Version").contains(suffix))
                    || (type.equals("AWS::Serverless::Api") && Set.of("Stage", "Deployment").contains(suffix));
        }
        return false;
    }

    private static java.util.stream.Stream<String> hasDeploymentPreference(JsonNode resources) {
        return resources.properties().stream()
                .filter(e -> e.getValue().path("Type").asText().equals(SamTemplate.FUNCTION))
                .filter(e -> e.getValue().path("Properties").has("DeploymentPreference"))
                .map(Map.Entry::getKey);
    }
}
