package dev.cairn.local;

import dev.cairn.local.template.FunctionDefinition;
import dev.cairn.local.template.ResourceBindings;
import dev.cairn.local.template.SamTemplate;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What the local runtime has started for the functions, as a {@link CairnRuntimeFactory} sees it:
 * the options, the template, ElasticMQ and s3proxy with clients for them, the provisioned queues and
 * the payload bucket. {@link #functionEnvironment(String)} gives a function the environment variables
 * Lambda would (CAIRN_TABLE, CAIRN_*_QUEUE_URL, CAIRN_PAYLOAD_BUCKET...), with local values.
 */
public record LocalEnvironment(
        LocalRuntimeOptions options,
        SamTemplate template,
        URI sqsEndpoint,
        SqsClient sqs,
        URI s3Endpoint,
        S3Client s3,
        ProvisionedQueues queues,
        String payloadBucket,
        Clock clock) {

    /** Locally a table is named by its logical id, as queues are. */
    public String tableName(String logicalId) {
        return logicalId;
    }

    /** The function's Environment.Variables, resolved against the local resources. */
    public Map<String, String> functionEnvironment(String functionLogicalId) {
        FunctionDefinition function = template.function(functionLogicalId);
        return template.environment(function, bindings());
    }

    /** Ref and GetAtt as the local runtime answers them: queue URLs and ARNs, the bucket's name, table names. */
    public ResourceBindings bindings() {
        return new ResourceBindings() {
            @Override
            public String ref(String logicalId) {
                if (queues.contains(logicalId)) {
                    return queues.url(logicalId);
                }
                return switch (template.resourceType(logicalId).orElse("")) {
                    case "AWS::S3::Bucket" -> payloadBucket;
                    default -> logicalId;
                };
            }

            @Override
            public String getAtt(String logicalId, String attribute) {
                if (!attribute.equals("Arn")) {
                    throw new IllegalArgumentException("no local value for " + logicalId + "." + attribute);
                }
                if (queues.contains(logicalId)) {
                    return queues.arn(logicalId);
                }
                return switch (template.resourceType(logicalId).orElse("")) {
                    case "AWS::S3::Bucket" -> "arn:aws:s3:::" + payloadBucket;
                    case SamTemplate.TABLE -> "arn:aws:dynamodb:us-east-1:000000000000:table/" + tableName(logicalId);
                    default -> throw new IllegalArgumentException("no local ARN for " + logicalId);
                };
            }
        };
    }
}
