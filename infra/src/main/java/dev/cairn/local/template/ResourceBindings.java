package dev.cairn.local.template;

/**
 * What the template's resources are, where the template is deployed: the local runtime answers with
 * its ElasticMQ queue URLs, its store and its bucket; CloudFormation answers with the real ones.
 * Used to resolve {@code Ref}, {@code Fn::GetAtt} and {@code Fn::Sub} in function environments.
 */
public interface ResourceBindings {
    /** The value of {@code !Ref logicalId} (a queue's URL, a table's or bucket's name). */
    String ref(String logicalId);

    /** The value of {@code !GetAtt logicalId.attribute} (a queue's Arn, a table's Arn...). */
    String getAtt(String logicalId, String attribute);

    /** Bindings for templates whose values refer to no resource; any resource reference fails. */
    static ResourceBindings none() {
        return new ResourceBindings() {
            @Override
            public String ref(String logicalId) {
                throw new TemplateException("no binding for resource " + logicalId);
            }

            @Override
            public String getAtt(String logicalId, String attribute) {
                throw new TemplateException("no binding for resource " + logicalId + "." + attribute);
            }
        };
    }
}
