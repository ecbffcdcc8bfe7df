package dev.cairn.local;

import java.util.Map;

/**
 * The template's queues as they exist on a local SQS: by logical id, each queue's URL and ARN.
 * The local runtime binds {@code !Ref DecisionQueue} to {@link #url(String)} and
 * {@code !GetAtt DecisionQueue.Arn} to {@link #arn(String)}.
 */
public record ProvisionedQueues(Map<String, String> urls, Map<String, String> arns) {
    public ProvisionedQueues {
        urls = Map.copyOf(urls);
        arns = Map.copyOf(arns);
    }

    public String url(String logicalId) {
        return require(urls, logicalId);
    }

    public String arn(String logicalId) {
        return require(arns, logicalId);
    }

    public boolean contains(String logicalId) {
        return urls.containsKey(logicalId);
    }

    private static String require(Map<String, String> map, String logicalId) {
        String value = map.get(logicalId);
        if (value == null) {
            throw new IllegalArgumentException("no queue " + logicalId + " was provisioned; have " + map.keySet());
        }
        return value;
    }
}
